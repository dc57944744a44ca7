package com.ctera.simulator.xml;

import org.jspecify.annotations.Nullable;

/**
 * Writes {@link XmlValue}s the way the portal does: compact, no declaration, {@code <att id="x" />} for null,
 * {@code <val />} for the empty string. Stateless; appends to a caller's builder so answers can be built in chunks.
 */
public final class XmlWriter {

    private XmlWriter() {
    }

    /** The document for one value ({@code null} gives an empty string: no body). */
    public static String write(@Nullable XmlValue value) {
        StringBuilder out = new StringBuilder(256);
        if (value != null) {
            append(out, value);
        }
        return out.toString();
    }

    /** Appends one value. */
    public static void append(StringBuilder out, XmlValue value) {
        if (value instanceof XmlText text) {
            appendVal(out, text.text());
        }
        else if (value instanceof XmlList list) {
            if (list.items().isEmpty()) {
                out.append("<list />");
                return;
            }
            out.append("<list>");
            for (XmlValue item : list.items()) {
                append(out, item);
            }
            out.append("</list>");
        }
        else if (value instanceof XmlObj obj) {
            appendObj(out, obj);
        }
    }

    /** Appends {@code <val>text</val>} or {@code <val />}. */
    public static void appendVal(StringBuilder out, String text) {
        if (text.isEmpty()) {
            out.append("<val />");
            return;
        }
        out.append("<val>");
        escapeText(out, text);
        out.append("</val>");
    }

    private static void appendObj(StringBuilder out, XmlObj obj) {
        out.append("<obj");
        if (obj.className() != null) {
            out.append(" class=\"");
            escapeAttribute(out, obj.className());
            out.append('"');
        }
        if (obj.uuid() != null) {
            out.append(" uuid=\"");
            escapeAttribute(out, obj.uuid());
            out.append('"');
        }
        if (obj.attributes().isEmpty()) {
            out.append(" />");
            return;
        }
        out.append('>');
        obj.attributes().forEach((id, value) -> appendAtt(out, id, value));
        out.append("</obj>");
    }

    /** Appends one attribute, {@code <att id="x" />} when the value is null. */
    public static void appendAtt(StringBuilder out, String id, @Nullable XmlValue value) {
        out.append("<att id=\"");
        escapeAttribute(out, id);
        if (value == null) {
            out.append("\" />");
            return;
        }
        out.append("\">");
        append(out, value);
        out.append("</att>");
    }

    private static void escapeText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    private static void escapeAttribute(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
