package com.ctera.client.transport;

import java.time.Duration;

/**
 * The slowest a file transfer may go before it counts as stalled: at least {@code minimumBytes} in every
 * {@code period}. A transfer that moves less fails with a retryable {@code CteraTransportException}, however long the
 * whole transfer takes; a large file on a good link is never cut off by a fixed time.
 * @param minimumBytes bytes that must move in each period; 0 turns the rule off
 * @param period the window the bytes are counted in
 */
public record TransferThroughput(long minimumBytes, Duration period) {

    /** 1 KiB in every 30 s: only a transfer that has all but stopped fails. */
    public static final TransferThroughput DEFAULT = new TransferThroughput(1024, Duration.ofSeconds(30));

    /** No rule: a transfer may take any time (the read timeout still bounds complete silence of a download). */
    public static final TransferThroughput NONE = new TransferThroughput(0, Duration.ofSeconds(30));

    public TransferThroughput {
        if (minimumBytes < 0) {
            throw new IllegalArgumentException("transfer minimum throughput must not be negative, was "
                    + minimumBytes + " bytes");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("transfer throughput period must be positive, was " + period);
        }
    }

    /** Whether the rule is on. */
    public boolean enabled() {
        return this.minimumBytes > 0;
    }

    @Override
    public String toString() {
        return this.minimumBytes + " bytes per " + this.period;
    }
}
