package com.ctera.client.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import com.ctera.client.notifications.ChangeEntry;

/**
 * Event ids derived from the change itself, so reading the same feed entry again gives the same id: a digest of the
 * portal, the item, its version stamp and its deletion flag. Letters and digits only (a {@code webhook-id} must not
 * contain a dot).
 */
final class EventIds {

    private EventIds() {
    }

    static String of(String portal, ChangeEntry entry) {
        String identity = String.join("\u0000", portal, String.valueOf(entry.folderId()), entry.guid(),
                Objects.toString(entry.gvsn(), ""), Boolean.toString(entry.deleted()),
                Objects.toString(entry.modified(), ""), Objects.toString(entry.size(), ""), entry.name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
