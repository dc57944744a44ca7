package com.ctera.cli;

import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import com.ctera.client.logs.LogEntry;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.logs.LogSeverity;
import com.ctera.client.logs.LogTopic;

/** {@code ctera logs}: read the portal's or a device's logs. */
@Command(name = "logs", description = "Query the portal's logs.", addMethodSubcommands = false)
final class LogsCommand {

    @ParentCommand
    @Nullable CteraCommand root;

    @Command(name = "query", description = "Query log records in the portal's order (columns: time, "
            + "topic, severity, originType, origin, logName, message).")
    int query(
            @Option(names = "--topic", defaultValue = "SYSTEM",
                    description = "system (default), backup, cloudsync, access or audit.") LogTopic topic,
            @Option(names = "--min-severity", defaultValue = "INFO", paramLabel = "SEVERITY",
                    description = "The least severe level: emergency, alert, critical, error, warning, notice, "
                            + "info (default) or debug.") LogSeverity minSeverity,
            @Option(names = "--device", paramLabel = "NAME", description = "A device's logs instead of the portal's.")
            @Nullable String device,
            @Option(names = "--after", paramLabel = "TIME", description = "Only records after TIME "
                    + "(portal local time, such as 2026-01-31T08:00).") @Nullable LocalDateTime after,
            @Option(names = "--before", paramLabel = "TIME", description = "Only records before TIME.")
            @Nullable LocalDateTime before,
            @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
                    description = "At most N records (default ${DEFAULT-VALUE}).") int limit) {
        if (limit < 1) {
            throw new CliFailure(ExitCodes.USAGE, "--limit must be at least 1, was " + limit);
        }
        LogQuery.Builder query = LogQuery.builder().topic(topic).minSeverity(minSeverity)
            .pageSize(Math.min(limit, 500));
        if (device != null) {
            query.device(device);
        }
        if (after != null) {
            query.after(after);
        }
        if (before != null) {
            query.before(before);
        }
        CteraCommand command = Commands.root(this.root);
        Rows rows = Rows.of("time", "topic", "severity", "originType", "origin", "logName", "message");
        try (Stream<LogEntry> entries = command.portal().logs().query(query.build()).limit(limit)) {
            for (Iterator<LogEntry> it = entries.iterator(); it.hasNext();) {
                LogEntry entry = it.next();
                rows.add((entry.time() != null) ? entry.time().toString() : null, entry.topic(),
                        entry.severity(), entry.originType(), entry.origin(), entry.logName(), entry.message());
            }
        }
        command.printer().list(rows);
        return ExitCodes.OK;
    }
}
