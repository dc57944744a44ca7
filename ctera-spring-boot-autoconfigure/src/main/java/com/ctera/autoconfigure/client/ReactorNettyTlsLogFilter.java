package com.ctera.autoconfigure.client;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import com.ctera.client.transport.TlsFailure;

/**
 * Keeps Reactor Netty's own WARN with a stack trace ("The connection observed an error", logged by
 * {@value #REACTOR_NETTY_LOGGER} for every failed attempt, twice per connection) out of the log when the failure is
 * a TLS handshake with one of the starter's portals: {@link PortalStateLog} already says once per portal what is wrong
 * and which property fixes it, and the call still fails with its typed exception. Reactor Netty offers no hook for
 * this, and a handler in the channel pipeline that swallows the exception keeps the call from ever failing; a log
 * filter cannot change what the call does. Other connections and other failures are logged as before.
 */
final class ReactorNettyTlsLogFilter extends TurboFilter {

    static final String REACTOR_NETTY_LOGGER = "reactor.netty.http.client.HttpClientConnect";

    private final Set<String> endpoints;

    private final AtomicLong denied = new AtomicLong();

    private @Nullable LoggerContext installedIn;

    /** @param endpoints {@code host:port} of each portal reached over TLS, host in lower case */
    ReactorNettyTlsLogFilter(Set<String> endpoints) {
        this.endpoints = Set.copyOf(endpoints);
    }

    /** A filter for the portals of these settings that use TLS, installed when the application logs through Logback. */
    static ReactorNettyTlsLogFilter install(Collection<PortalSettings> portals) {
        ReactorNettyTlsLogFilter filter = new ReactorNettyTlsLogFilter(portals.stream()
            .map(PortalSettings::baseUrl)
            .filter((url) -> "https".equalsIgnoreCase(url.getScheme()))
            .map(ReactorNettyTlsLogFilter::endpoint)
            .collect(Collectors.toSet()));
        if (!filter.endpoints.isEmpty() && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            filter.setName("ctera-reactor-netty-tls");
            filter.start();
            context.addTurboFilter(filter);
            filter.installedIn = context;
        }
        return filter;
    }

    /** Takes the filter out again when the application context closes. */
    void uninstall() {
        LoggerContext context = this.installedIn;
        if (context != null) {
            context.getTurboFilterList().remove(this);
            this.installedIn = null;
        }
        stop();
    }

    @Override
    public FilterReply decide(@Nullable Marker marker, @Nullable Logger logger, @Nullable Level level,
            @Nullable String format, Object @Nullable [] params, @Nullable Throwable error) {
        // Runs for every log statement of the application: the cheap tests first.
        if (level != Level.WARN || error == null || format == null || logger == null
                || !REACTOR_NETTY_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (TlsFailure.of(error) != null && toPortal(format)) {
            this.denied.incrementAndGet();
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** How many of Reactor Netty's messages this filter kept out of the log. */
    long denied() {
        return this.denied.get();
    }

    /** Whether Reactor Netty's message names one of the portals as the remote end: {@code [id, L:... - R:host/ip:port]}. */
    private boolean toPortal(String message) {
        int start = message.indexOf(" R:");
        int end = (start >= 0) ? message.indexOf(']', start) : -1;
        if (end < 0) {
            return false;
        }
        String remote = message.substring(start + 3, end);
        int colon = remote.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        String port = remote.substring(colon + 1);
        for (String name : remote.substring(0, colon).split("/")) {
            if (!name.isEmpty() && this.endpoints.contains(name.toLowerCase(Locale.ROOT) + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static String endpoint(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host + ":" + ((url.getPort() != -1) ? url.getPort() : 443);
    }
}
