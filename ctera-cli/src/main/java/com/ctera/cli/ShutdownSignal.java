package com.ctera.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a command that follows a feed cleanly on Ctrl-C: the JVM's shutdown hook tells the command to stop, then
 * waits (up to five seconds) while it finishes its output and logs the portal out.
 */
final class ShutdownSignal {

    private static volatile boolean received;

    private final CountDownLatch stopped = new CountDownLatch(1);

    private final CountDownLatch finished = new CountDownLatch(1);

    private final Thread hook = new Thread(this::onShutdown, "ctera-shutdown");

    private ShutdownSignal() {
    }

    /** Whether the process is shutting down on a signal (then it must not call {@code System.exit}). */
    static boolean received() {
        return received;
    }

    /** Starts listening for Ctrl-C (SIGINT) or SIGTERM. */
    static ShutdownSignal listen() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    /** Whether the signal has arrived. */
    boolean stopRequested() {
        return this.stopped.getCount() == 0;
    }

    /** The command has finished; a pending shutdown may go on. Without a signal, stops listening. */
    void finished() {
        this.finished.countDown();
        if (!received) {
            try {
                Runtime.getRuntime().removeShutdownHook(this.hook);
            }
            catch (IllegalStateException ex) {
                // shutting down already: the hook is running
            }
        }
    }

    private void onShutdown() {
        received = true;
        this.stopped.countDown();
        try {
            this.finished.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
