package com.ctera.client.logs;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Log severities, most severe first ({@code minSeverity}, protocol §5.7). */
public enum LogSeverity {

    /** {@code emergency}. */
    EMERGENCY,

    /** {@code alert}. */
    ALERT,

    /** {@code critical}. */
    CRITICAL,

    /** {@code error}. */
    ERROR,

    /** {@code warning}. */
    WARNING,

    /** {@code notice}. */
    NOTICE,

    /** {@code info}, the SDK's default minimum. */
    INFO,

    /** {@code debug}. */
    DEBUG;

    /** The severity as the portal writes it, lower-case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity for a portal text, or {@code null} when the text is not a known severity. */
    public static @Nullable LogSeverity fromWire(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Whether this severity is at least as severe as {@code minimum}. */
    public boolean atLeast(LogSeverity minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
