package com.ctera.autoconfigure.webhooks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.ctera.client.events.EventFilter;
import com.ctera.client.events.EventType;
import com.ctera.client.webhooks.DispatcherSettings;
import com.ctera.client.webhooks.RetrySchedule;
import com.ctera.client.webhooks.WebhookEndpoint;
import com.ctera.client.webhooks.WebhookSecret;

/** Turns {@code ctera.webhooks.*} into checked settings; a bad value stops startup naming its property. */
final class WebhookSettingsResolver {

    private static final String PREFIX = "ctera.webhooks.";

    private WebhookSettingsResolver() {
    }

    static List<WebhookEndpoint> endpoints(CteraWebhooksProperties properties) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        Set<String> allowed = allowedHosts(properties);
        for (Map.Entry<String, CteraWebhooksProperties.Endpoint> entry : properties.getEndpoints().entrySet()) {
            CteraWebhooksProperties.Endpoint endpoint = entry.getValue();
            if (!endpoint.isEnabled()) {
                continue;
            }
            String key = PREFIX + "endpoints." + entry.getKey() + ".";
            URI url = endpoint.getUrl();
            if (url == null) {
                throw invalid(key + "url", "is missing", "an https URL");
            }
            String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
            boolean httpAllowed = properties.isAllowHttp() && url.getHost() != null
                    && allowed.contains(url.getHost().toLowerCase(Locale.ROOT));
            if (!"https".equals(scheme) && !("http".equals(scheme) && httpAllowed)) {
                throw invalid(key + "url", "is " + url, "an https URL (http only for a host in "
                        + PREFIX + "allowed-hosts with " + PREFIX + "allow-http=true)");
            }
            WebhookSecret secret = secret(key + "secret", endpoint.getSecret());
            WebhookSecret previous = (endpoint.getPreviousSecret() != null)
                    ? secret(key + "previous-secret", endpoint.getPreviousSecret()) : null;
            if (previous != null && endpoint.getPreviousSecretUntil() == null) {
                throw invalid(key + "previous-secret-until", "is missing", "the instant the previous secret stops "
                        + "signing, e.g. 2026-12-31T00:00:00Z");
            }
            Set<EventType> types = new LinkedHashSet<>();
            for (String type : endpoint.getEvents()) {
                try {
                    types.add(EventType.of(type));
                }
                catch (IllegalArgumentException ex) {
                    throw new IllegalStateException("Invalid CTERA configuration: " + key + "events: "
                            + ex.getMessage(), ex);
                }
            }
            EventFilter filter;
            try {
                filter = new EventFilter(types, endpoint.getPaths(), new HashSet<>(endpoint.getCloudFolders()),
                        new HashSet<>(endpoint.getOwners()));
            }
            catch (IllegalArgumentException ex) {
                String property = String.valueOf(ex.getMessage()).contains("owner") ? "owners" : "paths";
                throw new IllegalStateException("Invalid CTERA configuration: " + key + property + ": "
                        + ex.getMessage(), ex);
            }
            endpoints.add(new WebhookEndpoint(entry.getKey(), url, secret, previous,
                    endpoint.getPreviousSecretUntil(), filter));
        }
        return endpoints;
    }

    static WebhookSecret secret(String property, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(property, "is missing", "whsec_ followed by the base64 of 24 to 64 random bytes");
        }
        try {
            return WebhookSecret.parse(text);
        }
        catch (IllegalArgumentException ex) {
            // The reason is in the message; the cause would only repeat it.
            throw new IllegalStateException("Invalid CTERA configuration: " + property + ": " + ex.getMessage());
        }
    }

    static Set<String> allowedHosts(CteraWebhooksProperties properties) {
        Set<String> hosts = new HashSet<>();
        properties.getAllowedHosts().forEach(host -> hosts.add(host.strip().toLowerCase(Locale.ROOT)));
        return hosts;
    }

    static RetrySchedule schedule(CteraWebhooksProperties properties) {
        for (Duration delay : properties.getRetrySchedule()) {
            if (delay.isNegative()) {
                throw invalid(PREFIX + "retry-schedule", "holds " + delay, "durations of zero or more");
            }
        }
        if (properties.getRetryJitter() < 0 || properties.getRetryJitter() > 1) {
            throw invalid(PREFIX + "retry-jitter", "is " + properties.getRetryJitter(), "0 to 1");
        }
        return new RetrySchedule(properties.getRetrySchedule(), properties.getRetryJitter());
    }

    static DispatcherSettings dispatcher(CteraWebhooksProperties properties) {
        positive("workers", properties.getWorkers(), 64);
        positive("batch-size", properties.getBatchSize(), 10_000);
        positive("concurrency", properties.getConcurrency(), 1024);
        positive("lease", properties.getLease());
        positive("idle-poll", properties.getIdlePoll());
        positive("disable-after", properties.getDisableAfter());
        positive("keep-delivered", properties.getKeepDelivered());
        positive("keep-dead", properties.getKeepDead());
        positive("connect-timeout", properties.getConnectTimeout());
        positive("read-timeout", properties.getReadTimeout());
        // A claimed batch is attempted in rounds of `concurrency`; each attempt ends within connect + read timeout.
        int rounds = (properties.getBatchSize() + properties.getConcurrency() - 1) / properties.getConcurrency();
        Duration batchLimit = properties.getConnectTimeout().plus(properties.getReadTimeout()).multipliedBy(rounds);
        if (properties.getLease().compareTo(batchLimit) <= 0) {
            throw invalid(PREFIX + "lease", "is " + properties.getLease(), "more than " + batchLimit + " (batch-size / "
                    + "concurrency rounds of connect-timeout + read-timeout), so no row is attempted twice at once");
        }
        return new DispatcherSettings(properties.getWorkers(), properties.getBatchSize(), properties.getConcurrency(),
                properties.getLease(), properties.getIdlePoll(), properties.getDisableAfter(),
                properties.getKeepDelivered(), properties.getKeepDead());
    }

    private static void positive(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw invalid(PREFIX + name, "is " + value, "1 to " + max);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw invalid(PREFIX + name, "is " + value, "a positive duration");
        }
    }

    private static IllegalStateException invalid(String property, String problem, String allowed) {
        return new IllegalStateException("Invalid CTERA configuration: " + property + " " + problem + "; allowed: "
                + allowed);
    }
}
