package com.ctera.client.protocol;

import org.jspecify.annotations.Nullable;

/**
 * A portal answer that is not well-formed XML, is truncated, or does not have the shape the caller required. Callers
 * wrap it in a {@code CteraProtocolException} that names the operation. Messages name elements and attribute ids,
 * never the text content, so a value such as a password cannot leak through them.
 */
public final class MalformedXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    private final int column;

    /** A shape error found at a known position of the document. */
    public MalformedXmlException(String message, int line, int column) {
        this(message, line, column, null);
    }

    /** A shape error found at a known position, caused by a lower-level parse failure. */
    public MalformedXmlException(String message, int line, int column, @Nullable Throwable cause) {
        super(line > 0 ? message + " (at line " + line + ", column " + column + ")" : message, cause);
        this.line = line;
        this.column = column;
    }

    /** A protocol error that has no position in a document, such as an inconsistent page sequence. */
    public MalformedXmlException(String message) {
        this(message, -1, -1, null);
    }

    /** The 1-based line of the problem, or {@code -1} when unknown. */
    public int line() {
        return this.line;
    }

    /** The 1-based column of the problem, or {@code -1} when unknown. */
    public int column() {
        return this.column;
    }
}
