package com.ctera.client.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a message as Standard Webhooks v1 does: base64 of HMAC-SHA256 over {@code id.timestamp.body} with the exact
 * bytes sent, one {@code v1,<signature>} per secret, space separated (several during a secret rotation).
 */
public final class StandardWebhookSigner {

    private StandardWebhookSigner() {
    }

    /** The {@code webhook-signature} header value. */
    public static String signatureHeader(String id, long timestampSeconds, byte[] body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret is needed to sign");
        }
        return secrets.stream().map(secret -> "v1," + sign(id, timestampSeconds, body, secret))
            .collect(Collectors.joining(" "));
    }

    /** One base64 signature, without the {@code v1,} prefix. */
    public static String sign(String id, long timestampSeconds, byte[] body, WebhookSecret secret) {
        if (id.contains(".")) {
            throw new IllegalArgumentException("a webhook id must not contain '.'");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
        }
    }
}
