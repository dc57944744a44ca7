package com.ctera.client.bulk;

/** What an item's action tells its job while it runs: bytes moved, for a job's byte progress. Never blocks. */
@FunctionalInterface
public interface ItemProgress {

    /** Progress that goes nowhere. */
    ItemProgress NONE = bytes -> {
    };

    /** {@code bytes} more bytes moved for this item. */
    void bytesMoved(long bytes);
}
