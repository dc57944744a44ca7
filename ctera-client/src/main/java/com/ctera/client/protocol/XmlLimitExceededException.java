package com.ctera.client.protocol;

/**
 * A portal answer whose text or attribute value is longer than the codec allows ({@link XmlCodec#XmlCodec(int)}).
 * Callers wrap it in a {@code CteraProtocolException} that names the operation and the setting to raise. The message
 * names the limit, never the text.
 */
public final class XmlLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    /** An answer past the limit of {@code limit} characters per value. */
    public XmlLimitExceededException(int limit, Throwable cause) {
        super("expected text and attribute values of at most " + limit + " characters, found a longer one", cause);
        this.limit = limit;
    }

    /** The limit that was exceeded, in characters. */
    public int limit() {
        return this.limit;
    }
}
