package com.ctera.client.protocol;

import java.util.Map;

/**
 * Writes values exactly as the official SDK's serializer does (Python ElementTree, compact, no declaration), so the
 * portal receives byte-identical requests.
 */
final class XmlWriter {

    private final StringBuilder out;

    XmlWriter(StringBuilder out) {
        this.out = out;
    }

    void write(XmlValue value) {
        if (value instanceof XmlObject object) {
            writeObject(object);
        }
        else if (value instanceof XmlList list) {
            writeList(list);
        }
        else if (value instanceof XmlText text) {
            writeText(text);
        }
        else {
            // A null only exists as the value of an <att>; the SDK has no way to write it anywhere else.
            throw new IllegalArgumentException("null can only be the value of an attribute, not a list item");
        }
    }

    private void writeObject(XmlObject object) {
        this.out.append("<obj");
        if (object.className() != null) {
            this.out.append(" class=\"");
            escapeAttribute(object.className());
            this.out.append('"');
        }
        if (object.uuid() != null) {
            this.out.append(" uuid=\"");
            escapeAttribute(object.uuid());
            this.out.append('"');
        }
        if (object.attributes().isEmpty()) {
            this.out.append(" />");
            return;
        }
        this.out.append('>');
        for (Map.Entry<String, XmlValue> attribute : object.attributes().entrySet()) {
            this.out.append("<att id=\"");
            escapeAttribute(attribute.getKey());
            this.out.append('"');
            if (attribute.getValue() == XmlNull.INSTANCE) {
                this.out.append(" />");
            }
            else {
                this.out.append('>');
                write(attribute.getValue());
                this.out.append("</att>");
            }
        }
        this.out.append("</obj>");
    }

    private void writeList(XmlList list) {
        if (list.items().isEmpty()) {
            this.out.append("<list />");
            return;
        }
        this.out.append("<list>");
        for (XmlValue item : list.items()) {
            write(item);
        }
        this.out.append("</list>");
    }

    private void writeText(XmlText text) {
        if (text.text().isEmpty()) {
            this.out.append("<val />");
            return;
        }
        this.out.append("<val>");
        escapeText(text.text());
        this.out.append("</val>");
    }

    private void escapeText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> this.out.append("&amp;");
                case '<' -> this.out.append("&lt;");
                case '>' -> this.out.append("&gt;");
                default -> appendChecked(c);
            }
        }
    }

    // ElementTree's attribute escaping: also quotes, and CR/LF/TAB as character references so they survive
    // attribute-value normalization.
    private void escapeAttribute(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> this.out.append("&amp;");
                case '<' -> this.out.append("&lt;");
                case '>' -> this.out.append("&gt;");
                case '"' -> this.out.append("&quot;");
                case '\r' -> this.out.append("&#13;");
                case '\n' -> this.out.append("&#10;");
                case '\t' -> this.out.append("&#09;");
                default -> appendChecked(c);
            }
        }
    }

    // The SDK would write such characters raw and produce a document no XML parser accepts; fail here instead,
    // where the caller can still see which value is wrong.
    private void appendChecked(char c) {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
            throw new IllegalArgumentException(
                    "character U+" + String.format("%04X", (int) c) + " cannot be written in XML");
        }
        this.out.append(c);
    }
}
