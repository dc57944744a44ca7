package com.ctera.client.notifications;

import java.util.List;

/**
 * One answer of {@code metadata/list}: the changes after the cursor that was sent, and the cursor to send next.
 * @param cursor where the next read continues; store it once the entries are handled
 * @param hasMore whether more changes are waiting already (read again without long-polling)
 * @param entries the changes, oldest first
 */
public record ChangeBatch(String cursor, boolean hasMore, List<ChangeEntry> entries) {

    public ChangeBatch {
        entries = List.copyOf(entries);
    }
}
