package com.ctera.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Checks a received Standard Webhooks message, usable without Spring: the {@code webhook-signature} must hold a
 * {@code v1} signature of {@code id.timestamp.body} under one of the secrets (compared in constant time), the
 * timestamp must be within the tolerance in both directions, and the id must not have been seen before.
 */
public final class StandardWebhookVerifier {

    /** The spec's default tolerance. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final List<WebhookSecret> secrets;

    private final Duration tolerance;

    private final Clock clock;

    private final SeenWebhookIds seen;

    /**
     * @param secrets the secrets any of which may have signed (several during a rotation)
     * @param tolerance how far the timestamp may be from now, either way
     * @param seen where received ids are remembered (replay protection)
     */
    public StandardWebhookVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock, SeenWebhookIds seen) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one secret");
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
        this.seen = seen;
    }

    /** A verifier with the default tolerance and an in-memory replay guard over twice the tolerance. */
    public static StandardWebhookVerifier of(WebhookSecret... secrets) {
        Clock clock = Clock.systemUTC();
        return new StandardWebhookVerifier(List.of(secrets), DEFAULT_TOLERANCE, clock,
                SeenWebhookIds.inMemory(DEFAULT_TOLERANCE.multipliedBy(2), 100_000, clock));
    }

    /**
     * Verifies a message given its headers (names in any case).
     * @return the {@code webhook-id}
     * @throws WebhookVerificationException saying why it was refused
     */
    public String verify(Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new java.util.HashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        return verify(lower::get, body);
    }

    /** Verifies a message whose headers are read through {@code header} (lower-case names). */
    public String verify(Function<String, @Nullable String> header, byte[] body) {
        String id = require(header, "webhook-id");
        String timestamp = require(header, "webhook-timestamp");
        String signatures = require(header, "webhook-signature");
        verify(id, timestamp, signatures, body);
        return id;
    }

    /** Verifies the three header values and the raw body. */
    public void verify(String id, String timestamp, String signatureHeader, byte[] body) {
        if (id.contains(".")) {
            throw new WebhookVerificationException("webhook-id must not contain '.'");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        }
        catch (NumberFormatException ex) {
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
        }
        long now = this.clock.millis() / 1000;
        if (seconds < now - this.tolerance.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is too old (tolerance " + this.tolerance + ")");
        }
        if (seconds > now + this.tolerance.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is in the future (tolerance "
                    + this.tolerance + ")");
        }
        if (!signedByAny(id, seconds, signatureHeader, body)) {
            throw new WebhookVerificationException("no webhook-signature matches (body changed, or wrong secret)");
        }
        if (!this.seen.firstTime(id)) {
            throw new WebhookVerificationException("webhook-id " + id + " was already received (replay)", true);
        }
    }

    private boolean signedByAny(String id, long seconds, String signatureHeader, byte[] body) {
        boolean matched = false;
        for (WebhookSecret secret : this.secrets) {
            byte[] expected = StandardWebhookSigner.sign(id, seconds, body, secret).getBytes(StandardCharsets.UTF_8);
            for (String candidate : signatureHeader.strip().split(" +")) {
                int comma = candidate.indexOf(',');
                if (comma > 0 && "v1".equals(candidate.substring(0, comma))) {
                    // Every candidate is compared so timing does not tell which one matched.
                    matched |= MessageDigest.isEqual(expected,
                            candidate.substring(comma + 1).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return matched;
    }

    private static String require(Function<String, @Nullable String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new WebhookVerificationException("the " + name + " header is missing");
        }
        return value;
    }
}
