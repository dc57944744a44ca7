package com.ctera.cli;

/** The command's exit codes, one per kind of failure, so scripts can tell them apart. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;

    /** A failure of no other kind. */
    public static final int OTHER = 1;

    /** Bad command line: unknown command or option, missing or invalid argument, unknown profile or portal. */
    public static final int USAGE = 2;

    /** The portal refused the credentials or the session's rights. */
    public static final int AUTHENTICATION = 3;

    /** A user, device, file, folder or webhook endpoint named on the command line does not exist. */
    public static final int NOT_FOUND = 4;

    /** Some items of a multi-item operation failed; the others were done. */
    public static final int PARTIAL_FAILURE = 5;

    /** The portal could not be reached, or did not answer in time. */
    public static final int UNREACHABLE = 6;

    private ExitCodes() {
    }
}
