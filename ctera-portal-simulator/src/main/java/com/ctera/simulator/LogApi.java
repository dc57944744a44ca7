package com.ctera.simulator;

import java.util.List;

import com.ctera.simulator.xml.XmlObj;

/**
 * {@code queryLogs} (protocol §5.7): records of a topic at or above a severity, filtered like any query (filters
 * AND-ed unless {@code orFilter}), paged by {@code startFrom}/{@code countLimit}, answered as {@code {hasMore, logs}}.
 */
final class LogApi {

    private final SimulatorState state;
    private final LogStore logs;

    LogApi(SimulatorState state, LogStore logs) {
        this.state = state;
        this.logs = logs;
    }

    PortalAnswer query(ApiCall call) {
        Session caller = call.caller();
        if (Role.EndUser.name().equals(caller.role()) || Role.Disabled.name().equals(caller.role())) {
            return PortalAnswer.message(403, "Only administrators may read logs");
        }
        QueryParams params = QueryParams.from(call.payload());
        XmlObj param = (XmlObj) call.payload();
        String topic = param.text("topic").orElse(null);
        String minSeverity = param.text("minSeverity").orElse("info").trim();
        if (!LogRecord.SEVERITIES.contains(minSeverity)) {
            throw new BadRequestException("minSeverity must be one of " + LogRecord.SEVERITIES + ", was " + minSeverity);
        }
        if (topic != null && !List.of("system", "backup", "cloudsync", "access", "audit").contains(topic)) {
            throw new BadRequestException("topic must be system, backup, cloudsync, access or audit, was " + topic);
        }
        // Global administration not browsing a tenant reads every record; anyone else their tenant's.
        String portal = (caller.context() == PortalContext.ADMIN && caller.currentTenant() == null) ? null
                : caller.effectiveTenant(this.state.defaultTenant());
        int maxRank = LogRecord.rank(minSeverity);
        List<LogRecord> selected = this.logs.matching(record -> (portal == null || portal.equals(record.portal()))
                && (topic == null || topic.equals(record.topic())) && LogRecord.rank(record.severity()) <= maxRank);
        QueryPage<LogRecord> page = QueryPage.of(selected, params, record -> record::field);
        return answer(page);
    }

    private static PortalAnswer answer(QueryPage<LogRecord> page) {
        StringBuilder out = new StringBuilder(256 + page.items().size() * 400);
        out.append("<obj class=\"QueryLogsResponse\"><att id=\"hasMore\"><val>").append(page.hasMore())
            .append("</val></att><att id=\"logs\">");
        if (page.items().isEmpty()) {
            out.append("<list />");
        }
        else {
            out.append("<list>");
            for (LogRecord record : page.items()) {
                com.ctera.simulator.xml.XmlWriter.append(out, record.render());
            }
            out.append("</list>");
        }
        out.append("</att></obj>");
        return new PortalAnswer(200, java.util.Map.of(), out.toString(), null);
    }
}
