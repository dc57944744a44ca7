package com.ctera.client.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * A named lease in {@code ctera_lock}: held by one owner until it lapses, renewed by every {@link #tryAcquire()} of
 * its holder, taken over by another owner once it lapsed. The row is locked while it is read and changed, so two
 * instances cannot both win; a batch checks {@link #heldIn(Connection)} in its own transaction before it commits.
 */
public final class JdbcLeaseLock {

    private final DataSource dataSource;

    private final String name;

    private final String owner;

    private final Duration ttl;

    private final Clock clock;

    /**
     * @param name what is locked, e.g. {@code poller:main}
     * @param owner this instance's id
     * @param ttl how long the lease lasts without renewal (the takeover time after a crash)
     */
    public JdbcLeaseLock(DataSource dataSource, String name, String owner, Duration ttl, Clock clock) {
        this.dataSource = dataSource;
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The owner id this lock acquires for. */
    public String owner() {
        return this.owner;
    }

    /** Takes or renews the lease; false when another owner holds a lease that has not lapsed. */
    public boolean tryAcquire() {
        long now = this.clock.millis();
        try {
            return JdbcTransaction.run(this.dataSource, "take lock " + this.name, connection -> acquire(connection, now));
        }
        catch (IllegalStateException ex) {
            if (ex.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (ex.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState()))) {
                // Two instances inserting the first row at once: the loser simply does not hold the lock.
                return false;
            }
            throw ex;
        }
    }

    private boolean acquire(Connection connection, long now) throws SQLException {
        try (PreparedStatement select = connection
            .prepareStatement("SELECT owner, locked_until FROM ctera_lock WHERE name = ? FOR UPDATE")) {
            select.setString(1, this.name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO ctera_lock (name, owner, locked_until, locked_at) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, this.name);
                        insert.setString(2, this.owner);
                        insert.setLong(3, now + this.ttl.toMillis());
                        insert.setLong(4, now);
                        insert.executeUpdate();
                    }
                    return true;
                }
                if (!this.owner.equals(row.getString(1)) && row.getLong(2) > now) {
                    return false;
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ctera_lock SET owner = ?, locked_until = ?, locked_at = ? WHERE name = ?")) {
            update.setString(1, this.owner);
            update.setLong(2, now + this.ttl.toMillis());
            update.setLong(3, now);
            update.setString(4, this.name);
            update.executeUpdate();
        }
        return true;
    }

    /**
     * Whether this owner still holds the lease, checked with the row locked in the caller's transaction, and renewed
     * there. A lease that lapsed but was not taken by anyone is still this owner's: no one else can have read.
     */
    public boolean heldIn(Connection connection) throws SQLException {
        try (PreparedStatement select = connection
            .prepareStatement("SELECT owner FROM ctera_lock WHERE name = ? FOR UPDATE")) {
            select.setString(1, this.name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !this.owner.equals(row.getString(1))) {
                    return false;
                }
            }
        }
        try (PreparedStatement renew = connection
            .prepareStatement("UPDATE ctera_lock SET locked_until = ? WHERE name = ? AND owner = ?")) {
            renew.setLong(1, this.clock.millis() + this.ttl.toMillis());
            renew.setString(2, this.name);
            renew.setString(3, this.owner);
            renew.executeUpdate();
        }
        return true;
    }

    /** The current holder, if any lease has not lapsed. */
    public String holder() {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement select = connection
                    .prepareStatement("SELECT owner, locked_until FROM ctera_lock WHERE name = ?")) {
            select.setString(1, this.name);
            try (ResultSet row = select.executeQuery()) {
                return (row.next() && row.getLong(2) > this.clock.millis()) ? row.getString(1) : "";
            }
        }
        catch (SQLException ex) {
            return "";
        }
    }

    /** Gives the lease up at once (a clean stop), so another instance takes over without waiting for it to lapse. */
    public void release() {
        JdbcTransaction.run(this.dataSource, "release lock " + this.name, connection -> {
            try (PreparedStatement update = connection
                .prepareStatement("UPDATE ctera_lock SET locked_until = 0 WHERE name = ? AND owner = ?")) {
                update.setString(1, this.name);
                update.setString(2, this.owner);
                return update.executeUpdate();
            }
        });
    }
}
