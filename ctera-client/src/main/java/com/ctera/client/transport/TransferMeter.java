package com.ctera.client.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the file bytes one request sends and receives, for the call's {@code CallEvents}. Thread-safe. */
public final class TransferMeter {

    private final AtomicLong sent = new AtomicLong();

    private final AtomicLong received = new AtomicLong();

    /** Counts bytes sent to the portal. */
    public void sent(long bytes) {
        this.sent.addAndGet(bytes);
    }

    /** Counts bytes received from the portal. */
    public void received(long bytes) {
        this.received.addAndGet(bytes);
    }

    /** Bytes sent so far. */
    public long sentBytes() {
        return this.sent.get();
    }

    /** Bytes received so far. */
    public long receivedBytes() {
        return this.received.get();
    }

    /** Forgets the counts, at the start of another attempt of the same request. */
    public void reset() {
        this.sent.set(0);
        this.received.set(0);
    }

    @Override
    public String toString() {
        return "TransferMeter[sent=" + this.sent.get() + ", received=" + this.received.get() + "]";
    }
}
