package com.ctera.simulator.xml;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads a CTERA XML document with StAX into {@link XmlValue}s; thread-safe. Refuses a DOCTYPE outright (no entity can
 * be declared, internal or parameter) and nesting deeper than {@link #MAX_DEPTH}, which would otherwise exhaust the
 * stack of this recursive reader.
 */
public final class XmlReader {

    /** The deepest nesting of {@code obj}, {@code list} and {@code val} elements a document may have. */
    public static final int MAX_DEPTH = 100;

    private final XMLInputFactory factory;

    public XmlReader() {
        this.factory = XMLInputFactory.newFactory();
        // Request bodies come from the network: no DTDs, no external entities.
        this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        this.factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /**
     * Parses a whole document.
     * @return the root value, or {@code null} for an empty (or all-whitespace) body
     * @throws MalformedXmlException when the body is not well-formed or uses unknown elements
     */
    public @Nullable XmlValue read(byte[] body) {
        if (isBlank(body)) {
            return null;
        }
        requireUtf8(body);
        try {
            XMLStreamReader reader = this.factory.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                nextStart(reader);
                XmlValue root = readValue(reader, 1);
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        throw new MalformedXmlException("More than one root element");
                    }
                }
                return root;
            }
            finally {
                reader.close();
            }
        }
        catch (XMLStreamException ex) {
            throw new MalformedXmlException("Malformed XML: " + ex.getMessage(), ex);
        }
    }

    // Request bodies are UTF-8 (the SDK sends nothing else). Checked first because the JDK's parser prints a
    // "[Fatal Error]" line to stderr for every bad byte before it throws, which a hostile client could use to flood
    // the simulator's output.
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body));
        }
        catch (CharacterCodingException ex) {
            throw new MalformedXmlException("The request body is not valid UTF-8");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static void nextStart(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
                throw new MalformedXmlException("Text outside of a <val> element");
            }
            if (event == XMLStreamConstants.DTD) {
                throw new MalformedXmlException("DOCTYPE declarations are not allowed");
            }
        }
        throw new MalformedXmlException("No element found");
    }

    // Positioned on a START_ELEMENT; returns positioned on its END_ELEMENT.
    private XmlValue readValue(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new MalformedXmlException("Elements nested deeper than " + MAX_DEPTH + " levels");
        }
        String element = reader.getLocalName();
        return switch (element) {
            case "obj" -> readObj(reader, depth);
            case "list" -> readList(reader, depth);
            case "val" -> new XmlText(reader.getElementText());
            default -> throw new MalformedXmlException("Unexpected element <" + element + ">");
        };
    }

    private XmlObj readObj(XMLStreamReader reader, int depth) throws XMLStreamException {
        XmlObj obj = new XmlObj(reader.getAttributeValue(null, "class"), reader.getAttributeValue(null, "uuid"));
        while (nextChild(reader)) {
            if (!"att".equals(reader.getLocalName())) {
                throw new MalformedXmlException("Unexpected element <" + reader.getLocalName() + "> in <obj>");
            }
            String id = reader.getAttributeValue(null, "id");
            if (id == null) {
                throw new MalformedXmlException("<att> without id");
            }
            XmlValue value = null;
            if (nextChild(reader)) {
                value = readValue(reader, depth + 1);
                if (nextChild(reader)) {
                    throw new MalformedXmlException("<att id=\"" + id + "\"> holds more than one value");
                }
            }
            obj.put(id, value);
        }
        return obj;
    }

    private XmlList readList(XMLStreamReader reader, int depth) throws XMLStreamException {
        List<XmlValue> items = new ArrayList<>();
        while (nextChild(reader)) {
            items.add(readValue(reader, depth + 1));
        }
        return new XmlList(items);
    }

    // Advances to the next child START_ELEMENT (true) or to the parent's END_ELEMENT (false).
    private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.DTD:
                    throw new MalformedXmlException("DOCTYPE declarations are not allowed");
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA:
                    if (!reader.isWhiteSpace() && !reader.getText().isBlank()) {
                        throw new MalformedXmlException("Unexpected text outside of a <val> element");
                    }
                    break;
                default:
                    break;
            }
        }
        throw new MalformedXmlException("Unexpected end of document");
    }
}
