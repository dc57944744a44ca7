package com.ctera.cli;

/** A failure the command itself detected, with the exit code it ends with and a message for the user. */
public final class CliFailure extends RuntimeException {

    private final int exitCode;

    /** A failure ending with this exit code (see {@link ExitCodes}). */
    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The exit code the command ends with. */
    public int exitCode() {
        return this.exitCode;
    }
}
