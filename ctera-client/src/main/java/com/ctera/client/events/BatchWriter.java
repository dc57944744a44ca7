package com.ctera.client.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes its own rows for a batch of change events inside the poller's transaction, so they commit (or not) with the
 * cursor that covers them; the webhook outbox is one.
 */
@FunctionalInterface
public interface BatchWriter {

    /** Nothing to write. */
    BatchWriter NONE = (connection, events) -> { };

    /** Adds this writer's rows for the events on the transaction's connection; never commits. */
    void write(Connection connection, List<CteraChangeEvent> events) throws SQLException;
}
