package com.ctera.client.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.exc.WstxLazyException;
import org.jspecify.annotations.Nullable;

/**
 * A forward-only reader of one CTERA XML document that walks objects attribute by attribute and lists item by item,
 * building a tree only for the values the caller asks for. It lets large answers (query pages, folder listings) be
 * consumed while holding a single item in memory.
 *
 * <p>Typical use on a listing {@code {root, items, hasMore, errorType}}:
 * <pre>{@code
 * try (XmlCursor cursor = codec.openCursor(body)) {
 *     cursor.beginRootObject();
 *     for (String att = cursor.nextAttribute(); att != null; att = cursor.nextAttribute()) {
 *         switch (att) {
 *             case "items" -> { if (cursor.beginList()) { for (XmlObject o; (o = cursor.nextObjectItem()) != null;) { ... } } }
 *             case "hasMore" -> hasMore = cursor.readBoolean();
 *             default -> { } // not read: skipped without building a tree
 *         }
 *     }
 *     cursor.finish();
 * }
 * }</pre>
 * An attribute whose value is not read is skipped by the next {@link #nextAttribute()}. Every shape violation throws
 * {@link MalformedXmlException} with the line and column; a failing input stream throws {@link UncheckedIOException}.
 * Not thread-safe; closing it does not close the input stream.
 */
public final class XmlCursor implements AutoCloseable {

    /** Deeper nesting than this is refused rather than risking a stack overflow on hostile input. */
    static final int MAX_DEPTH = 256;

    private static final Set<String> VALUE_ELEMENTS = Set.of("obj", "list", "val");

    private final @Nullable XMLStreamReader reader;

    private final Deque<Frame> frames = new ArrayDeque<>();

    private boolean started;

    private boolean valuePending;

    private @Nullable String pendingAttribute;

    private final int maxTextLength;

    XmlCursor(@Nullable XMLStreamReader reader, int maxTextLength) {
        this.reader = reader;
        this.maxTextLength = maxTextLength;
    }

    /** Whether the body was empty (or whitespace only), which the SDK reads as "no value". */
    public boolean isEmpty() {
        return this.reader == null;
    }

    /**
     * Enters the document's root element, which must be an {@code <obj>}.
     * @return the root object's {@code class}, or {@code null} when it has none
     */
    public @Nullable String beginRootObject() {
        startElement(rootStart("obj"), "obj");
        Frame frame = pushObject(false);
        return frame.className;
    }

    /** Enters the document's root element, which must be a {@code <list>}; read it with {@link #nextItem()}. */
    public void beginRootList() {
        startElement(rootStart("list"), "list");
        push(new Frame(Kind.LIST, null, false));
    }

    /**
     * Reads the whole document as a tree and checks that nothing follows it.
     * @return the value, or {@code null} for an empty body
     */
    public @Nullable XmlValue readRootValue() {
        if (this.reader == null) {
            return null;
        }
        checkNotStarted();
        XmlValue value = guard(() -> {
            int event = nextTagOrEnd(this.reader, "the root element");
            if (event != XMLStreamConstants.START_ELEMENT) {
                throw malformed("expected <obj>, <list> or <val> as the root element, found the end of the document");
            }
            return readTree(this.reader, 1);
        });
        finish();
        return value;
    }

    /** The {@code class} attribute of the innermost object being read, or {@code null}. */
    public @Nullable String className() {
        Frame frame = this.frames.peek();
        return (frame != null) ? frame.className : null;
    }

    /**
     * Moves to the next {@code <att>} of the current object, skipping the value of the previous one if it was not read.
     * @return the attribute's {@code id}, or {@code null} when the object has ended (the cursor then returns to the
     *     enclosing object or list)
     */
    public @Nullable String nextAttribute() {
        Frame frame = requireFrame(Kind.OBJECT, "nextAttribute");
        if (this.valuePending) {
            skipValue();
        }
        XMLStreamReader in = reader();
        return guard(() -> {
            int event = nextTagOrEnd(in, "<obj>");
            if (event == XMLStreamConstants.END_ELEMENT) {
                expectName(in, "obj", "</obj>");
                pop(frame);
                return null;
            }
            if (!"att".equals(in.getLocalName())) {
                throw malformed("expected <att> or </obj>, found <" + in.getLocalName() + ">");
            }
            String id = in.getAttributeValue(null, "id");
            if (id == null) {
                throw malformed("expected an id on <att>, found none");
            }
            this.valuePending = true;
            this.pendingAttribute = id;
            return id;
        });
    }

    /** Reads the current attribute's value as a tree; the null attribute gives {@link XmlNull#INSTANCE}. */
    public XmlValue readValue() {
        XMLStreamReader in = pendingValueReader("readValue");
        return guard(() -> {
            int event = nextTagOrEnd(in, "<att>");
            if (event == XMLStreamConstants.END_ELEMENT) {
                valueConsumed();
                return XmlNull.INSTANCE;
            }
            XmlValue value = readTree(in, this.frames.size() + 1);
            expectEndOfAttribute(in);
            valueConsumed();
            return value;
        });
    }

    /** Skips the current attribute's value without building it. */
    public void skipValue() {
        XMLStreamReader in = pendingValueReader("skipValue");
        guard(() -> {
            // Only well-formedness is checked here: the shape of a value nobody reads does not matter.
            int depth = 0;
            while (true) {
                if (!in.hasNext()) {
                    throw malformed("expected </att>, found the end of the document");
                }
                int event = in.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (this.frames.size() + depth > MAX_DEPTH) {
                        throw malformed("expected at most " + MAX_DEPTH + " nested elements, found more");
                    }
                }
                else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 0) {
                        expectName(in, "att", "</att>");
                        valueConsumed();
                        return null;
                    }
                    depth--;
                }
                else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw malformed("expected </att>, found the end of the document");
                }
            }
        });
    }

    /**
     * Reads the current attribute's value, which must be a {@code <val>} or null.
     * @return the text, or {@code null} for the null attribute
     */
    public @Nullable String readText() {
        String attribute = this.pendingAttribute;
        XmlValue value = readValue();
        if (value == XmlNull.INSTANCE) {
            return null;
        }
        if (value instanceof XmlText text) {
            return text.text();
        }
        throw malformed("expected <val> in attribute '" + attribute + "', found " + XmlValues.describe(value));
    }

    /** Reads the current attribute's value, which must be {@code <val>true</val>} or {@code <val>false</val>}. */
    public boolean readBoolean() {
        String attribute = this.pendingAttribute;
        String text = readText();
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw malformed("expected <val>true</val> or <val>false</val> in attribute '" + attribute + "', found "
                + ((text == null) ? "null" : "another value"));
    }

    /**
     * Enters the current attribute's value when it is an {@code <obj>}; iterate it with {@link #nextAttribute()}.
     * @return {@code false}, having consumed the attribute, when the value is null
     */
    public boolean beginObject() {
        XMLStreamReader in = pendingValueReader("beginObject");
        return guard(() -> {
            if (nextTagOrEnd(in, "<att>") == XMLStreamConstants.END_ELEMENT) {
                valueConsumed();
                return false;
            }
            startElement(in, "obj");
            valueConsumed();
            pushObject(true);
            return true;
        });
    }

    /**
     * Enters the current attribute's value when it is a {@code <list>}; iterate it with {@link #nextItem()}.
     * @return {@code false}, having consumed the attribute, when the value is null
     */
    public boolean beginList() {
        XMLStreamReader in = pendingValueReader("beginList");
        return guard(() -> {
            if (nextTagOrEnd(in, "<att>") == XMLStreamConstants.END_ELEMENT) {
                valueConsumed();
                return false;
            }
            startElement(in, "list");
            valueConsumed();
            push(new Frame(Kind.LIST, null, true));
            return true;
        });
    }

    /**
     * Reads the next item of the current list as a tree.
     * @return the item, or {@code null} when the list has ended (the cursor then returns to the enclosing object)
     */
    public @Nullable XmlValue nextItem() {
        Frame frame = requireFrame(Kind.LIST, "nextItem");
        XMLStreamReader in = reader();
        return guard(() -> atNextItem(frame, in) ? readTree(in, this.frames.size() + 1) : null);
    }

    /**
     * Reads the next item of the current list, which must be an {@code <obj>}.
     * @return the item, or {@code null} when the list has ended
     */
    public @Nullable XmlObject nextObjectItem() {
        Frame frame = requireFrame(Kind.LIST, "nextObjectItem");
        XMLStreamReader in = reader();
        return guard(() -> {
            if (!atNextItem(frame, in)) {
                return null;
            }
            // The parser places the location at the start of the current event: the item's start tag, where a reader
            // of the document would look.
            Location location = in.getLocation();
            XmlValue item = readTree(in, this.frames.size() + 1);
            if (item instanceof XmlObject object) {
                return object;
            }
            throw new MalformedXmlException("expected <obj> as a list item, found " + XmlValues.describe(item),
                    location.getLineNumber(), location.getColumnNumber());
        });
    }

    // Moves to the next item's start tag (true), or past the list's end tag, leaving the list (false).
    private boolean atNextItem(Frame frame, XMLStreamReader in) throws XMLStreamException {
        if (nextTagOrEnd(in, "<list>") == XMLStreamConstants.END_ELEMENT) {
            expectName(in, "list", "</list>");
            pop(frame);
            return false;
        }
        return true;
    }

    /** Checks that every element entered has been left and that nothing but whitespace follows the root element. */
    public void finish() {
        if (this.reader == null) {
            return;
        }
        Frame open = this.frames.peek();
        if (open != null) {
            throw new IllegalStateException("finish() called inside " + open.element());
        }
        XMLStreamReader in = this.reader;
        guard(() -> {
            while (in.hasNext()) {
                int event = in.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw malformed("expected the end of the document, found <" + in.getLocalName() + ">");
                }
                if (event == XMLStreamConstants.CHARACTERS && !in.isWhiteSpace()) {
                    throw malformed("expected the end of the document, found text");
                }
            }
            return null;
        });
    }

    /** A {@link MalformedXmlException} located at the cursor's current position, for shape checks done by callers. */
    public MalformedXmlException malformed(String message) {
        return malformed(message, (this.reader != null) ? this.reader.getLocation() : null);
    }

    @Override
    public void close() {
        if (this.reader != null) {
            try {
                this.reader.close();
            }
            catch (XMLStreamException ex) {
                // Closing releases parser buffers only; the input stream belongs to the caller.
            }
        }
    }

    private XMLStreamReader rootStart(String expected) {
        if (this.reader == null) {
            throw new MalformedXmlException("expected <" + expected + "> as the root element, found an empty body");
        }
        checkNotStarted();
        XMLStreamReader in = this.reader;
        guard(() -> {
            if (nextTagOrEnd(in, "the root element") != XMLStreamConstants.START_ELEMENT) {
                throw malformed("expected <" + expected + "> as the root element, found the end of the document");
            }
            return null;
        });
        return in;
    }

    private void checkNotStarted() {
        if (this.started) {
            throw new IllegalStateException("the root element was already read");
        }
        this.started = true;
    }

    private void startElement(XMLStreamReader in, String expected) {
        if (!expected.equals(in.getLocalName())) {
            String where = (this.pendingAttribute != null && this.valuePending)
                    ? " in attribute '" + this.pendingAttribute + "'" : "";
            throw malformed("expected <" + expected + ">" + where + ", found <" + in.getLocalName() + ">");
        }
    }

    private Frame pushObject(boolean inAttribute) {
        XMLStreamReader in = reader();
        Frame frame = new Frame(Kind.OBJECT, in.getAttributeValue(null, "class"), inAttribute);
        push(frame);
        return frame;
    }

    private void push(Frame frame) {
        if (this.frames.size() >= MAX_DEPTH) {
            throw malformed("expected at most " + MAX_DEPTH + " nested elements, found more");
        }
        this.frames.push(frame);
    }

    // Leaving a container that was an attribute's value also consumes that attribute's closing tag.
    private void pop(Frame frame) throws XMLStreamException {
        this.frames.pop();
        if (frame.inAttribute) {
            expectEndOfAttribute(reader());
        }
    }

    private Frame requireFrame(Kind kind, String operation) {
        Frame frame = this.frames.peek();
        if (frame == null || frame.kind != kind) {
            throw new IllegalStateException(operation + "() needs the cursor inside " + kind.element
                    + ", but it is " + ((frame == null) ? "outside any element" : "inside " + frame.element()));
        }
        return frame;
    }

    private XMLStreamReader pendingValueReader(String operation) {
        requireFrame(Kind.OBJECT, operation);
        if (!this.valuePending) {
            throw new IllegalStateException(operation + "() needs an attribute from nextAttribute() whose value "
                    + "was not read yet");
        }
        return reader();
    }

    private void valueConsumed() {
        this.valuePending = false;
    }

    private XMLStreamReader reader() {
        if (this.reader == null) {
            throw new MalformedXmlException("expected a document, found an empty body");
        }
        return this.reader;
    }

    private void expectEndOfAttribute(XMLStreamReader in) throws XMLStreamException {
        if (nextTagOrEnd(in, "<att>") != XMLStreamConstants.END_ELEMENT) {
            throw malformed("expected </att> after the attribute's value, found <" + in.getLocalName() + ">");
        }
        expectName(in, "att", "</att>");
    }

    private void expectName(XMLStreamReader in, String name, String expected) {
        if (!name.equals(in.getLocalName())) {
            throw malformed("expected " + expected + ", found </" + in.getLocalName() + ">");
        }
    }

    private XmlValue readTree(XMLStreamReader in, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw malformed("expected at most " + MAX_DEPTH + " nested elements, found more");
        }
        String name = in.getLocalName();
        switch (name) {
            case "obj":
                return readObjectTree(in, depth);
            case "list":
                return readListTree(in, depth);
            case "val":
                return readTextTree(in);
            default:
                throw malformed("expected <obj>, <list> or <val>, found <" + name + ">");
        }
    }

    private XmlObject readObjectTree(XMLStreamReader in, int depth) throws XMLStreamException {
        String className = in.getAttributeValue(null, "class");
        String uuid = in.getAttributeValue(null, "uuid");
        Map<String, XmlValue> attributes = new DecodedAttributes();
        while (nextTagOrEnd(in, "<obj>") == XMLStreamConstants.START_ELEMENT) {
            if (!"att".equals(in.getLocalName())) {
                throw malformed("expected <att> or </obj>, found <" + in.getLocalName() + ">");
            }
            String id = in.getAttributeValue(null, "id");
            if (id == null) {
                throw malformed("expected an id on <att>, found none");
            }
            if (nextTagOrEnd(in, "<att>") == XMLStreamConstants.END_ELEMENT) {
                attributes.put(id, XmlNull.INSTANCE);
            }
            else {
                attributes.put(id, readTree(in, depth + 1));
                expectEndOfAttribute(in);
            }
        }
        expectName(in, "obj", "</obj>");
        return new XmlObject(className, uuid, attributes);
    }

    private XmlList readListTree(XMLStreamReader in, int depth) throws XMLStreamException {
        List<XmlValue> items = new ArrayList<>();
        while (nextTagOrEnd(in, "<list>") == XMLStreamConstants.START_ELEMENT) {
            if (!VALUE_ELEMENTS.contains(in.getLocalName())) {
                throw malformed("expected <obj>, <val> or </list>, found <" + in.getLocalName() + ">");
            }
            items.add(readTree(in, depth + 1));
        }
        expectName(in, "list", "</list>");
        return new XmlList(items);
    }

    private XmlText readTextTree(XMLStreamReader in) throws XMLStreamException {
        // The parser coalesces text, so a value is nearly always one event: keep that string as it is and join
        // pieces only when a comment or processing instruction split the text.
        String first = null;
        StringBuilder joined = null;
        while (true) {
            int event = in.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.ENTITY_REFERENCE -> {
                    String piece = in.getText();
                    if (first == null) {
                        first = piece;
                    }
                    else {
                        if (joined == null) {
                            joined = new StringBuilder(first);
                        }
                        joined.append(piece);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    expectName(in, "val", "</val>");
                    String text = (joined != null) ? joined.toString() : (first != null) ? first : "";
                    return new XmlText(text);
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw malformed("expected text or </val>, found <" + in.getLocalName() + ">");
                case XMLStreamConstants.END_DOCUMENT -> throw malformed("expected </val>, found the end of the document");
                case XMLStreamConstants.DTD -> throw malformed("expected no DOCTYPE, found one");
                default -> {
                    // comments and processing instructions carry no value
                }
            }
        }
    }

    // The next start or end tag, skipping whitespace, comments and processing instructions. Text where an element
    // is required is a shape error; a DTD is refused outright so no entity can ever be declared.
    private int nextTagOrEnd(XMLStreamReader in, String inside) throws XMLStreamException {
        while (true) {
            if (!in.hasNext()) {
                throw malformed("expected an element inside " + inside + ", found the end of the document");
            }
            int event = in.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT:
                    return event;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA:
                    if (!in.isWhiteSpace()) {
                        throw malformed("expected an element inside " + inside + ", found text");
                    }
                    break;
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw malformed("expected an element inside " + inside + ", found an entity reference");
                case XMLStreamConstants.DTD:
                    throw malformed("expected no DOCTYPE, found one");
                case XMLStreamConstants.END_DOCUMENT:
                    throw malformed("expected an element inside " + inside + ", found the end of the document");
                default:
                    break;
            }
        }
    }

    private MalformedXmlException malformed(String message, @Nullable Location location) {
        return (location != null)
                ? new MalformedXmlException(message, location.getLineNumber(), location.getColumnNumber())
                : new MalformedXmlException(message);
    }

    private <T> T guard(StaxStep<T> step) {
        try {
            return step.run();
        }
        catch (XMLStreamException ex) {
            throw translate(ex, this.maxTextLength);
        }
        catch (WstxLazyException ex) {
            // Woodstox parses text lazily and reports what it then finds (a limit, a bad character) unchecked.
            throw (ex.getCause() instanceof XMLStreamException cause) ? translate(cause, this.maxTextLength)
                    : new MalformedXmlException("expected well-formed XML, the parser failed", -1, -1, ex);
        }
    }

    static RuntimeException translate(XMLStreamException ex, int maxTextLength) {
        Throwable nested = (ex.getNestedException() != null) ? ex.getNestedException() : ex.getCause();
        if (nested instanceof IOException io) {
            return new UncheckedIOException("reading the portal's answer failed", io);
        }
        if (XmlLimitExceededException.isParserLimit(ex.getMessage())) {
            return new XmlLimitExceededException(maxTextLength, ex);
        }
        Location location = ex.getLocation();
        String reason = parserReason(ex.getMessage());
        return (location != null)
                ? new MalformedXmlException("expected well-formed XML, " + reason, location.getLineNumber(),
                        location.getColumnNumber(), ex)
                : new MalformedXmlException("expected well-formed XML, " + reason);
    }

    // The JDK parser prefixes its reason with "ParseError at [row,col]:[l,c]\nMessage: "; the location is reported
    // separately, so keep the reason only.
    private static String parserReason(@Nullable String message) {
        if (message == null) {
            return "the parser failed";
        }
        int index = message.indexOf("Message: ");
        String reason = (index >= 0) ? message.substring(index + "Message: ".length()) : message;
        return "the parser said: " + reason.strip();
    }

    @FunctionalInterface
    private interface StaxStep<T> {

        T run() throws XMLStreamException;
    }

    private enum Kind {

        OBJECT("<obj>"), LIST("<list>");

        private final String element;

        Kind(String element) {
            this.element = element;
        }
    }

    private record Frame(Kind kind, @Nullable String className, boolean inAttribute) {

        String element() {
            return this.kind.element;
        }
    }
}
