package com.ctera.client.webhooks;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of 24 to 64 random bytes. Its text never
 * appears in {@link #toString()}.
 */
public final class WebhookSecret {

    /** The prefix every secret starts with. */
    public static final String PREFIX = "whsec_";

    private static final int MIN_BYTES = 24;

    private static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads a secret.
     * @param text {@code whsec_<base64>}
     * @throws IllegalArgumentException saying what is wrong (never echoing the secret)
     */
    public static WebhookSecret parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret must start with '" + PREFIX + "' followed by the "
                    + "base64 of " + MIN_BYTES + " to " + MAX_BYTES + " random bytes");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trimmed.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("a webhook secret must be '" + PREFIX + "' followed by valid base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("a webhook secret must hold " + MIN_BYTES + " to " + MAX_BYTES
                    + " bytes after '" + PREFIX + "', this one holds " + key.length);
        }
        return new WebhookSecret(key);
    }

    /** A new random secret, 32 bytes. */
    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new WebhookSecret(key);
    }

    /** The secret as text ({@code whsec_...}), to hand to a receiver. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(this.key);
    }

    byte[] key() {
        return this.key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret secret && MessageDigest.isEqual(this.key, secret.key);
    }

    @Override
    public int hashCode() {
        return this.key.length;
    }

    @Override
    public String toString() {
        return PREFIX + "******";
    }
}
