package com.ctera.client.events;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Runs work on one connection of the store in one transaction: committed when it returns, rolled back if it throws. */
public final class JdbcTransaction {

    private JdbcTransaction() {
    }

    /** Work on a connection inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {

        /** Does the work; the transaction commits after it returns. */
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Runs the work in a transaction.
     * @param what what the work does, for the error message
     * @throws IllegalStateException wrapping the database's error
     */
    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("CTERA store: cannot " + what + ": " + ex.getMessage(), ex);
        }
    }
}
