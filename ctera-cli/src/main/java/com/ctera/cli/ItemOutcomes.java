package com.ctera.cli;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

/**
 * The outcomes of a command over many items (a tree upload or download): each failure is reported on its own line
 * and the others go on; the command ends with {@link ExitCodes#PARTIAL_FAILURE} when some failed, or with the
 * failure's own code when every one did.
 */
final class ItemOutcomes {

    private final CteraCommand command;

    private final Rows rows;

    private @Nullable FailureReport lastFailure;

    ItemOutcomes(CteraCommand command, String... columns) {
        this.command = command;
        this.rows = Rows.of(columns);
    }

    /** Does one item; its row on success, a line on standard error on failure. */
    void attempt(String item, Callable<@Nullable Object[]> work) {
        try {
            this.rows.add(work.call());
        }
        catch (Exception ex) {
            this.lastFailure = FailureReport.of(ex, this.command.secrets());
            this.command.environment().err().println(item + ": " + this.lastFailure.message());
            if (this.command.debug()) {
                ex.printStackTrace(this.command.environment().err());
            }
        }
    }

    /** Prints the rows of the items done and returns the exit code. */
    int finish() {
        this.command.printer().done(this.rows);
        if (this.lastFailure == null) {
            return ExitCodes.OK;
        }
        return this.rows.rows().isEmpty() ? this.lastFailure.exitCode() : ExitCodes.PARTIAL_FAILURE;
    }
}
