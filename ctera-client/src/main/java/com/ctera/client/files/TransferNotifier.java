package com.ctera.client.files;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts one transfer's bytes and tells its listener, shielding the transfer from the listener: the first exception
 * is logged, later ones are ignored silently.
 */
final class TransferNotifier {

    private static final Logger logger = LoggerFactory.getLogger(TransferNotifier.class);

    private final TransferListener listener;

    private final String path;

    private final TransferProgress.Direction direction;

    private volatile @Nullable Long totalBytes;

    private final AtomicLong transferred = new AtomicLong();

    private final AtomicBoolean listenerFailed = new AtomicBoolean();

    private final AtomicBoolean ended = new AtomicBoolean();

    TransferNotifier(TransferListener listener, String path, TransferProgress.Direction direction,
            @Nullable Long totalBytes) {
        this.listener = listener;
        this.path = path;
        this.direction = direction;
        this.totalBytes = totalBytes;
    }

    void initiated() {
        this.transferred.set(0);
        this.ended.set(false);
        safely(() -> this.listener.transferInitiated(snapshot()));
    }

    /** Starts (again) a transfer whose size is learnt only now, from the answer's {@code Content-Length}. */
    void initiated(@Nullable Long knownTotal) {
        if (knownTotal != null) {
            this.totalBytes = knownTotal;
        }
        initiated();
    }

    void transferred(long bytes) {
        this.transferred.addAndGet(bytes);
        safely(() -> this.listener.bytesTransferred(snapshot()));
    }

    void complete() {
        if (this.ended.compareAndSet(false, true)) {
            safely(() -> this.listener.transferComplete(snapshot()));
        }
    }

    void failed(Throwable error) {
        if (this.ended.compareAndSet(false, true)) {
            safely(() -> this.listener.transferFailed(snapshot(), error));
        }
    }

    long transferredBytes() {
        return this.transferred.get();
    }

    private TransferProgress snapshot() {
        return new TransferProgress(this.path, this.direction, this.transferred.get(), this.totalBytes);
    }

    private void safely(Runnable call) {
        if (this.listener == TransferListener.NONE) {
            return;
        }
        try {
            call.run();
        }
        catch (RuntimeException ex) {
            if (this.listenerFailed.compareAndSet(false, true)) {
                logger.warn("Transfer listener {} failed during the {} of '{}'; it is ignored from now on",
                        this.listener.getClass().getName(), this.direction.name().toLowerCase(Locale.ROOT),
                        this.path, ex);
            }
        }
    }
}
