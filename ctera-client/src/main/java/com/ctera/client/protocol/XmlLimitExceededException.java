package com.ctera.client.protocol;

import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import org.jspecify.annotations.Nullable;

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

    /**
     * Whether a failure, or one of its causes, is a value past the codec's limit: this exception, or the parser's
     * own report of it, which Woodstox may also throw unchecked (wrapped) from a lazy read of the text.
     */
    public static boolean describes(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof XmlLimitExceededException || (cause instanceof XMLStreamException
                    && isParserLimit(cause.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    // Woodstox names its limits only in the message: "Text size limit (N) exceeded", "Maximum attribute size
    // limit (N) exceeded".
    static boolean isParserLimit(@Nullable String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains(" limit (") && lower.contains(") exceeded")
                && (lower.contains("text size") || lower.contains("attribute size"));
    }

    /** The limit that was exceeded, in characters. */
    public int limit() {
        return this.limit;
    }
}
