package com.ctera.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import com.ctera.client.CteraPortal;
import com.ctera.client.session.SessionInfo;

/** {@code ctera portals}: the configured portals and whether each answers a login with these credentials. */
@Command(name = "portals", description = "List the configured portals and check each one's health "
        + "(exit 5 when some are down, 6 when all are).")
final class PortalsCommand implements Callable<Integer> {

    @ParentCommand
    @Nullable CteraCommand root;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10S",
            description = "How long each check may take, ISO-8601 such as PT5S (default ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(10);

    @Override
    public Integer call() {
        CteraCommand command = Commands.root(this.root);
        Map<String, CteraPortal> portals = command.connection().portals().asMap();
        Rows rows = Rows.of("name", "url", "context", "status", "version", "latencyMs", "error");
        int down = 0;
        for (CteraPortal portal : portals.values()) {
            long started = System.nanoTime();
            String status = "UP";
            String version = null;
            String error = null;
            try {
                SessionInfo session = portal.reactive().checkSession().block(this.timeout);
                version = (session != null) ? session.portalVersion() : null;
            }
            catch (RuntimeException ex) {
                status = "DOWN";
                error = FailureReport.of(ex, command.secrets()).message();
                down++;
            }
            rows.add(portal.name(), portal.baseUrl().toString(), portal.context().path(), status, version,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), error);
        }
        command.printer().list(rows);
        if (down == 0) {
            return ExitCodes.OK;
        }
        return (down == portals.size()) ? ExitCodes.UNREACHABLE : ExitCodes.PARTIAL_FAILURE;
    }
}
