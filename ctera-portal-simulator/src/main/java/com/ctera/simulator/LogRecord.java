package com.ctera.simulator;

import java.time.LocalDateTime;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;

/**
 * One portal log record in the simulator's schema (an assumption: the SDK defines none; see ASSUMPTIONS.md
 * "Logs").
 *
 * @param portal the tenant the record belongs to, empty for global administration
 * @param topic {@code system}, {@code backup}, {@code cloudsync}, {@code access} or {@code audit}
 * @param severity {@code emergency} ... {@code debug}
 * @param originType {@code Portal} or {@code Device}
 * @param origin the device name, or the portal name
 * @param logName the record's kind, e.g. {@code Login}, {@code LoginFailed}, {@code FileUpload}
 * @param action the verb, e.g. {@code login}, {@code upload}, {@code delete}, {@code addUser}
 * @param result {@code success} or {@code failure}
 * @param more free-form detail (a path, a target user)
 */
record LogRecord(long id, LocalDateTime time, String portal, String topic, String severity, String originType,
        String origin, String logName, String msg, @Nullable String username, @Nullable String ipAddress,
        String action, String result, @Nullable String more) {

    /** Severity names from most to least severe; a record passes {@code minSeverity} when its rank is not higher. */
    static final java.util.List<String> SEVERITIES = java.util.List.of("emergency", "alert", "critical", "error",
            "warning", "notice", "info", "debug");

    static int rank(String severity) {
        int rank = SEVERITIES.indexOf(severity);
        return (rank >= 0) ? rank : SEVERITIES.size();
    }

    @Nullable String field(String name) {
        return switch (name) {
            case "id" -> Long.toString(this.id);
            case "time" -> FileStore.iso(this.time);
            case "portal" -> this.portal;
            case "topic" -> this.topic;
            case "severity" -> this.severity;
            case "originType" -> this.originType;
            case "origin" -> this.origin;
            case "logName" -> this.logName;
            case "msg" -> this.msg;
            case "username" -> this.username;
            case "ipAddress" -> this.ipAddress;
            case "action" -> this.action;
            case "result" -> this.result;
            case "more" -> this.more;
            default -> null;
        };
    }

    XmlObj render() {
        return XmlObj.ofClass("PortalLog")
            .put("id", Long.toString(this.id))
            .put("time", FileStore.iso(this.time))
            .put("portal", this.portal)
            .put("topic", this.topic)
            .put("severity", this.severity)
            .put("originType", this.originType)
            .put("origin", this.origin)
            .put("logName", this.logName)
            .put("msg", this.msg)
            .put("username", this.username)
            .put("ipAddress", this.ipAddress)
            .put("action", this.action)
            .put("result", this.result)
            .put("more", this.more);
    }
}
