package com.ctera.client.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The poller's tables: the cursor per portal ({@code ctera_event_cursor}), what the classifier has seen
 * ({@code ctera_event_item}) and the events not yet handed to every listener ({@code ctera_event_publication}). A
 * batch's rows, the rows of the {@link BatchWriter}s and the new cursor commit in one transaction, and only while the
 * poller still holds its portal's lease.
 */
public final class JdbcEventStore {

    private static final int IN_LIST = 500;

    private final DataSource dataSource;

    private final Clock clock;

    public JdbcEventStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Where a portal's feed was last read.
     * @param value the cursor to send next; null before the first baseline
     * @param batches how many batches have been committed (never goes down)
     * @param updatedAt when it last moved, epoch milliseconds
     */
    public record StoredCursor(@Nullable String value, long batches, long updatedAt) {
    }

    /** A committed event not yet handed to every listener. */
    public record Publication(long id, CteraChangeEvent event) {
    }

    /** The batch was not committed: another instance took the portal's lease. */
    public static final class LostLeaseException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LostLeaseException(String portal) {
            super("The change-feed lease of portal '" + portal + "' passed to another instance; the batch was "
                    + "not committed and will be read by the new holder");
        }
    }

    public Optional<StoredCursor> cursor(String portal) {
        return JdbcTransaction.run(this.dataSource, "read the cursor of " + portal, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT cursor_value, batches, updated_at FROM ctera_event_cursor WHERE portal = ?")) {
                select.setString(1, portal);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new StoredCursor(row.getString(1), row.getLong(2), row.getLong(3)))
                            : Optional.<StoredCursor>empty();
                }
            }
        });
    }

    /** The guids among these that the store knows, each with whether it is a folder. */
    Map<String, Boolean> known(String portal, Collection<String> guids) {
        List<String> all = new ArrayList<>(guids);
        return JdbcTransaction.run(this.dataSource, "read item state", connection -> {
            Map<String, Boolean> found = new HashMap<>();
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT guid, kind FROM ctera_event_item WHERE portal = ? AND guid IN (" + marks + ")")) {
                    select.setString(1, portal);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            found.put(rows.getString(1), "folder".equals(rows.getString(2)));
                        }
                    }
                }
            }
            return found;
        });
    }

    /**
     * Commits a batch: the item state, a publication record per event, the writer's rows and the new cursor, in one
     * transaction, only while {@code lease} is held.
     * @return the publication ids, in event order
     * @throws LostLeaseException when the lease passed to another instance (nothing was written)
     */
    List<Long> commit(String portal, JdbcLeaseLock lease, String cursor, List<ItemUpdate> items,
            List<CteraChangeEvent> events, BatchWriter writer) {
        return JdbcTransaction.run(this.dataSource, "commit a batch of " + portal, connection -> {
            if (!lease.heldIn(connection)) {
                throw new LostLeaseException(portal);
            }
            writeItems(connection, portal, items);
            List<Long> publications = insertPublications(connection, portal, events);
            writer.write(connection, events);
            moveCursor(connection, portal, cursor);
            return publications;
        });
    }

    /**
     * Forgets every item seen on the portal, only while {@code lease} is held: after a refused cursor what was seen
     * may no longer exist, or its guid may name another item on a portal that lost its data.
     * @throws LostLeaseException when the lease passed to another instance (nothing was deleted)
     */
    void forgetItems(String portal, JdbcLeaseLock lease) {
        JdbcTransaction.run(this.dataSource, "forget the items of " + portal, connection -> {
            if (!lease.heldIn(connection)) {
                throw new LostLeaseException(portal);
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM ctera_event_item WHERE portal = ?")) {
                delete.setString(1, portal);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Forgets the portal's cursor and every item seen on it, so that its poller starts as on a portal never read.
     * For a portal that is a new one at every start of the application (the embedded simulator), before its poller
     * runs: its stored cursor was issued by a portal that is gone. Pending publications are kept.
     */
    public void forgetFeed(String portal) {
        JdbcTransaction.run(this.dataSource, "forget the change feed of " + portal, connection -> {
            try (PreparedStatement items = connection.prepareStatement("DELETE FROM ctera_event_item WHERE portal = ?");
                    PreparedStatement cursor = connection.prepareStatement(
                            "DELETE FROM ctera_event_cursor WHERE portal = ?")) {
                items.setString(1, portal);
                cursor.setString(1, portal);
                return items.executeUpdate() + cursor.executeUpdate();
            }
        });
    }

    private static void writeItems(Connection connection, String portal, List<ItemUpdate> items) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ctera_event_item (portal, guid, folder_id, kind) VALUES (?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE ctera_event_item SET folder_id = ?, kind = ? WHERE portal = ? AND guid = ?");
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM ctera_event_item WHERE portal = ? AND guid = ?")) {
            for (ItemUpdate item : items) {
                String kind = item.folder() ? "folder" : "file";
                if (item.deleted()) {
                    if (item.existed()) {
                        delete.setString(1, portal);
                        delete.setString(2, item.guid());
                        delete.addBatch();
                    }
                }
                else if (item.existed()) {
                    setFolder(update, 1, item.folderId());
                    update.setString(2, kind);
                    update.setString(3, portal);
                    update.setString(4, item.guid());
                    update.addBatch();
                }
                else {
                    insert.setString(1, portal);
                    insert.setString(2, item.guid());
                    setFolder(insert, 3, item.folderId());
                    insert.setString(4, kind);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
            delete.executeBatch();
        }
    }

    private static void setFolder(PreparedStatement statement, int index, @Nullable Long folderId)
            throws SQLException {
        if (folderId == null) {
            statement.setNull(index, Types.BIGINT);
        }
        else {
            statement.setLong(index, folderId);
        }
    }

    private List<Long> insertPublications(Connection connection, String portal, List<CteraChangeEvent> events)
            throws SQLException {
        List<Long> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return ids;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ctera_event_publication (event_id, portal, payload, created_at) VALUES (?, ?, ?, ?)",
                new String[] { "id" })) {
            long now = this.clock.millis();
            for (CteraChangeEvent event : events) {
                insert.setString(1, event.id());
                insert.setString(2, portal);
                insert.setString(3, EventJson.write(event));
                insert.setLong(4, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    private void moveCursor(Connection connection, String portal, String cursor) throws SQLException {
        long now = this.clock.millis();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ctera_event_cursor SET cursor_value = ?, batches = batches + 1, updated_at = ? WHERE portal = ?")) {
            update.setString(1, cursor);
            update.setLong(2, now);
            update.setString(3, portal);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ctera_event_cursor (portal, cursor_value, batches, updated_at) VALUES (?, ?, 1, ?)")) {
            insert.setString(1, portal);
            insert.setString(2, cursor);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
    }

    /** The oldest events of a portal still waiting for their listeners. */
    public List<Publication> pending(String portal, int limit) {
        return JdbcTransaction.run(this.dataSource, "read pending publications of " + portal, connection -> {
            List<Publication> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, payload FROM ctera_event_publication"
                    + " WHERE portal = ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
                select.setString(1, portal);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Publication(rows.getLong(1), EventJson.read(rows.getString(2))));
                    }
                }
            }
            return found;
        });
    }

    /** How many events of a portal wait for their listeners. */
    public long pendingCount(String portal) {
        return JdbcTransaction.run(this.dataSource, "count pending publications", connection -> {
            try (PreparedStatement select = connection
                .prepareStatement("SELECT COUNT(*) FROM ctera_event_publication WHERE portal = ?")) {
                select.setString(1, portal);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** Forgets publications whose listeners all returned. */
    public void completed(Collection<Long> publicationIds) {
        if (publicationIds.isEmpty()) {
            return;
        }
        JdbcTransaction.run(this.dataSource, "complete publications", connection -> {
            try (PreparedStatement delete = connection
                .prepareStatement("DELETE FROM ctera_event_publication WHERE id = ?")) {
                for (Long id : publicationIds) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return null;
        });
    }
}
