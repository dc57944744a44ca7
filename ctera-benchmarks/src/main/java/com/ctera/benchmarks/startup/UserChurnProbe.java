package com.ctera.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;

import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.users.NewUser;

/**
 * The short job {@link UserChurnRunner} starts in a fresh JVM per sample: a global administrator browses the tenant,
 * adds users one after another and deletes them again, then closes. It prints one line in {@link FirstCallProbe}'s
 * format: the job's wall time, the process's CPU time, and the bytes allocated by the threads still alive before
 * the close (the caller's and the connection's), which do not depend on the machine's load.
 *
 * <p>Arguments: {@code url username tenant users prefix}, the password in {@code CTERA_PROBE_PASSWORD}.
 */
public final class UserChurnProbe {

    private UserChurnProbe() {
    }

    public static void main(String[] args) {
        String password = System.getenv(FirstCallProbe.PASSWORD_VARIABLE);
        if (args.length != 5 || password == null) {
            throw new IllegalArgumentException("expected: url username tenant users prefix, and the password in "
                    + FirstCallProbe.PASSWORD_VARIABLE);
        }
        int users = Integer.parseInt(args[3]);
        String prefix = args[4];
        long start = System.nanoTime();
        long allocated;
        try (CteraPortal portal = CteraPortal.builder()
            .name("user-churn")
            .baseUrl(URI.create(args[0]))
            .context(PortalContext.ADMIN)
            .tenant(args[2])
            .credentials(args[1], password)
            .build()) {
            for (int i = 0; i < users; i++) {
                String name = prefix + i;
                portal.users().add(NewUser.builder(name).email(name + "@churn.example").fullName("Churn", "User")
                    .password("Passw0rd!1").build());
            }
            for (int i = 0; i < users; i++) {
                portal.users().delete(prefix + i);
            }
            allocated = allocatedByLiveThreads();
        }
        long job = System.nanoTime() - start;
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        System.out.println(FirstCallProbe.RESULT_PREFIX + String.format(Locale.ROOT, "job=%d cpu=%d allocated=%d",
                job, cpu, allocated));
    }

    private static long allocatedByLiveThreads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
            return -1;
        }
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
