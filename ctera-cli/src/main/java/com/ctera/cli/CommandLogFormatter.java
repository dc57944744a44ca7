package com.ctera.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.ctera.client.transport.TlsFailure;

/**
 * The command's log line on standard error, through java.util.logging: time, the SLF4J name of the level, the
 * logger's simple name, the message and any stack trace, as the command's Logback pattern wrote them.
 */
final class CommandLogFormatter extends Formatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    // Reactor Netty's logger that reports each failed TLS handshake at WARN, with a stack trace.
    private static final String REACTOR_NETTY_CONNECT = "reactor.netty.http.client.HttpClientConnect";

    /**
     * Formats the root logger's console lines with this formatter, and drops Reactor Netty's warning about a failed
     * TLS handshake (the starter does so only under Logback; the command's one line on stderr says what failed).
     * Called once the logging is configured.
     */
    static void install() {
        CommandLogFormatter formatter = new CommandLogFormatter();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setFormatter(formatter);
                handler.setFilter((record) -> !tlsFailureWarning(record));
            }
        }
    }

    // The client's own reading of a TLS failure, as the starter's Logback filter uses.
    static boolean tlsFailureWarning(LogRecord record) {
        Throwable thrown = record.getThrown();
        return record.getLevel() == Level.WARNING && thrown != null
                && REACTOR_NETTY_CONNECT.equals(record.getLoggerName()) && TlsFailure.of(thrown) != null;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(LocalTime.ofInstant(record.getInstant(), ZoneId.systemDefault())))
            .append(' ')
            .append(levelName(record.getLevel()))
            .append(' ')
            .append(simpleName(record.getLoggerName()))
            .append(": ")
            .append(formatMessage(record))
            .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }

    // Right-aligned in five characters, as Logback's %5p wrote them.
    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return " WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return " INFO";
        }
        return (value >= Level.FINE.intValue()) ? "DEBUG" : "TRACE";
    }

    private static String simpleName(String logger) {
        return (logger != null) ? logger.substring(logger.lastIndexOf('.') + 1) : "";
    }
}
