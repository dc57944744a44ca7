"""The official CTERA Python SDK doing UserChurnProbe's job, for UserChurnRunner.

Arguments: host port username tenant users prefix; the password in CTERA_PROBE_PASSWORD. Logs in as the global
administrator over http, browses the tenant, adds the users one after another, deletes them, logs out, and prints
one line in the probe's format (job wall time and this process's CPU time, in nanoseconds). The SDK itself is not
part of this repository: install it into a virtual environment of its own (docs/startup.md).
"""
import os
import sys
import time

start = time.perf_counter_ns()

from cterasdk import GlobalAdmin  # noqa: E402
from cterasdk.core.enum import Role  # noqa: E402
from cterasdk.core.types import UserAccount  # noqa: E402
from cterasdk.objects import services  # noqa: E402

# Over http the SDK ignores the port it is given and always connects to 80 ('port or 443 if https else 80'); the
# simulator listens elsewhere, so the base URL is handed to the SDK as a whole instead, which it accepts.
_service_init = services.Service.__init__


def _service_init_with_port(self, host, port, https, base):
    if base is None and not https and port:
        base = f'http://{host}:{port}'
    _service_init(self, host, port, https, base)


services.Service.__init__ = _service_init_with_port


def main():
    host, port, username, tenant, count, prefix = sys.argv[1:7]
    password = os.environ['CTERA_PROBE_PASSWORD']
    admin = GlobalAdmin(host, int(port), https=False)
    admin.login(username, password)
    admin.portals.browse(tenant)
    for i in range(int(count)):
        name = f'{prefix}{i}'
        admin.users.add(name, f'{name}@churn.example', 'Churn', 'User', 'Passw0rd!1', Role.EndUser)
    for i in range(int(count)):
        admin.users.delete(UserAccount(f'{prefix}{i}'))
    admin.logout()
    job = time.perf_counter_ns() - start
    cpu = time.process_time_ns()
    print(f'first-call-probe job={job} cpu={cpu} allocated=-1', flush=True)


if __name__ == '__main__':
    main()
