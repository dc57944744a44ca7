package com.ctera.client.protocol;

/**
 * A {@code <val>} element. The text is kept exactly as sent: the format is untyped and the client never guesses a
 * number out of {@code "007"}. {@code <val />} is the empty string.
 */
public record XmlText(String text) implements XmlValue {
}
