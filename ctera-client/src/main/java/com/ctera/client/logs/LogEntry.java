package com.ctera.client.logs;

import java.time.LocalDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One log record. The SDK does not model log records, so only the fields its filters and alert rules name are
 * typed; {@link #attributes()} keeps every attribute the portal sent, known or not (nested objects flattened with
 * {@code .}).
 * @param time when it happened, portal local time
 * @param topic the log it belongs to, as written
 * @param severity the severity as written
 * @param originType {@code Portal} or {@code Device}
 * @param origin the device name or portal that produced it
 * @param logName the log class, such as {@code VolumeFull}
 * @param message the message text ({@code msg})
 * @param attributes every attribute of the record as text
 */
public record LogEntry(@Nullable LocalDateTime time, @Nullable String topic, @Nullable String severity,
        @Nullable String originType, @Nullable String origin, @Nullable String logName, @Nullable String message,
        Map<String, String> attributes) {

    public LogEntry {
        attributes = Map.copyOf(attributes);
    }

    /** The severity as a known level, or {@code null} when the portal wrote another word. */
    public @Nullable LogSeverity severityLevel() {
        return LogSeverity.fromWire(this.severity);
    }

    /** Any attribute of the record as text, known field or not. */
    public @Nullable String attribute(String name) {
        return this.attributes.get(name);
    }
}
