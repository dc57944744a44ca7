package com.ctera.cli;

import java.io.PrintStream;

import com.ctera.client.bulk.BulkListener;
import com.ctera.client.bulk.BulkProgress;

/**
 * A one-line progress bar on standard error for a bulk job (items done of the total, and failures), redrawn in place
 * at most every 100 ms and once more when the job ends. Used only when standard error is a terminal.
 */
final class BulkProgressBar implements BulkListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;

    private final String label;

    private long lastDrawn;

    private boolean finished;

    private BulkProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar when standard error is a terminal and the command is not quiet, else a listener that draws nothing. */
    static BulkListener forJob(CliEnvironment environment, boolean quiet, String label) {
        return (environment.errTerminal() && !quiet) ? new BulkProgressBar(environment.err(), label) : NONE;
    }

    @Override
    public synchronized void onProgress(BulkProgress progress) {
        if (this.finished) {
            return;
        }
        boolean last = progress.phase() == BulkProgress.Phase.FINISHED;
        long now = System.nanoTime();
        if (!last && now - this.lastDrawn < REDRAW_NANOS) {
            return;
        }
        this.lastDrawn = now;
        this.err.print("\r" + this.label + " " + ProgressBar.bar(progress.ratioDone()) + " " + progress.done() + "/"
                + progress.total() + ((progress.failed() > 0) ? ", " + progress.failed() + " failed" : ""));
        if (last) {
            this.finished = true;
            this.err.print('\n');
        }
        this.err.flush();
    }
}
