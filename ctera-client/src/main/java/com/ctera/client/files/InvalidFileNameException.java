package com.ctera.client.files;

/**
 * A file or folder name that could escape its folder or that the portal may not be sent: empty, {@code .} or
 * {@code ..}, holding a separator, NUL or another control character (or, from a caller, a character the portal
 * refuses). Thrown before anything is sent or written; a name from a portal answer is refused the same way, and the
 * call then fails with a {@code CteraProtocolException} caused by this one.
 */
public final class InvalidFileNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where a name came from. */
    public enum Origin {
        /** Given by the application. */
        CALLER,
        /** Read from a portal answer, such as a listing. */
        PORTAL
    }

    private final Origin origin;

    InvalidFileNameException(Origin origin, String message) {
        super(message);
        this.origin = origin;
    }

    /** Whether the application or the portal supplied the name. */
    public Origin origin() {
        return this.origin;
    }
}
