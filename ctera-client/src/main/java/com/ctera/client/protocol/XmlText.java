package com.ctera.client.protocol;

/**
 * A {@code <val>} element. The text is kept exactly as sent: the format is untyped and the client never guesses a
 * number out of {@code "007"}. {@code <val />} is the empty string.
 */
public record XmlText(String text) implements XmlValue {

    /** The {@code <val>} holding this text. */
    public static XmlText of(String text) {
        return new XmlText(text);
    }

    /** The {@code <val>} holding {@code true} or {@code false}, lower-case as the portal writes booleans. */
    public static XmlText of(boolean value) {
        return new XmlText(Boolean.toString(value));
    }

    /** The {@code <val>} holding a decimal integer. */
    public static XmlText of(long value) {
        return new XmlText(Long.toString(value));
    }
}
