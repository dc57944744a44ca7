package com.ctera.cli;

import java.io.PrintStream;
import java.util.Locale;

import com.ctera.client.files.TransferListener;
import com.ctera.client.files.TransferProgress;

/**
 * A one-line progress bar on standard error for one transfer, redrawn in place at most every 100 ms. Used only when
 * standard error is a terminal; a piped or quiet command gets {@link TransferListener#NONE}.
 */
final class ProgressBar implements TransferListener {

    private static final int WIDTH = 30;

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;

    private final String label;

    private long lastDrawn;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar for each transfer when standard error is a terminal and the command is not quiet, else nothing. */
    static TransferListener forTransfer(CliEnvironment environment, boolean quiet, String label) {
        return (environment.errTerminal() && !quiet) ? new ProgressBar(environment.err(), label) : NONE;
    }

    @Override
    public void transferInitiated(TransferProgress progress) {
        draw(progress);
    }

    @Override
    public synchronized void bytesTransferred(TransferProgress progress) {
        long now = System.nanoTime();
        if (now - this.lastDrawn >= REDRAW_NANOS) {
            this.lastDrawn = now;
            draw(progress);
        }
    }

    @Override
    public synchronized void transferComplete(TransferProgress progress) {
        draw(progress);
        this.err.print('\n');
        this.err.flush();
    }

    @Override
    public synchronized void transferFailed(TransferProgress progress, Throwable error) {
        this.err.print('\n');
        this.err.flush();
    }

    private void draw(TransferProgress progress) {
        String total = (progress.totalBytes() != null) ? "/" + size(progress.totalBytes()) : "";
        this.err.print("\r" + this.label + " " + bar(progress.ratioTransferred().orElse(0)) + " "
                + size(progress.transferredBytes()) + total);
        this.err.flush();
    }

    /** The bar for a ratio done, from 0 to 1, and its percentage: {@code [#####.....]  50%}. */
    static String bar(double ratio) {
        int filled = (int) Math.round(ratio * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(ratio * 100));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
