package com.ctera.client.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraPage;

/**
 * Reads and writes the CTERA {@code obj/att/val/list} XML format. Writing is byte-identical to the official SDK;
 * reading is streaming StAX with DTDs and external entities disabled. Thread-safe: one instance can serve every
 * portal.
 */
public final class XmlCodec {

    /** The longest text or attribute value a codec reads unless told otherwise: 8 Mi characters. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 8 * 1024 * 1024;

    // Woodstox, created directly rather than looked up, so behaviour (and error texts) cannot change because an
    // application puts another StAX provider on the class path. It replaced the JDK's built-in parser, which took
    // 3.5 µs to decode a 600-byte answer (most of it resetting the reader) against Woodstox's 2.0 µs, and parsed
    // large pages at about half Woodstox's speed (docs/benchmarks.md, "Codec"). The factory is thread-safe and
    // shared by every decode of this codec; DTDs and external entities stay off, so no answer can reach a file or URL.
    private final XMLInputFactory inputFactory;

    private final int maxTextLength;

    /** A codec for values up to {@link #DEFAULT_MAX_TEXT_LENGTH} characters; keep one per portal. */
    public XmlCodec() {
        this(DEFAULT_MAX_TEXT_LENGTH);
    }

    /**
     * A codec that refuses answers with a text or attribute value longer than {@code maxTextLength} characters,
     * with an {@link XmlLimitExceededException}. Whitespace between elements counts as text: an answer padded with
     * megabytes of it is refused before it is held in memory.
     */
    public XmlCodec(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("maxTextLength must be positive, was " + maxTextLength);
        }
        this.maxTextLength = maxTextLength;
        this.inputFactory = createInputFactory(maxTextLength);
    }

    private static XMLInputFactory createInputFactory(int maxTextLength) {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, maxTextLength);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, maxTextLength);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** The request body for a value: compact UTF-8 without a declaration; empty for {@code null}. */
    public byte[] encode(@Nullable XmlValue value) {
        return encodeToString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The document for a value as a string; empty for {@code null} and for the null value. */
    public String encodeToString(@Nullable XmlValue value) {
        if (value == null || value == XmlNull.INSTANCE) {
            return "";
        }
        StringBuilder out = new StringBuilder(256);
        new XmlWriter(out).write(value);
        return out.toString();
    }

    /**
     * Reads a whole answer as a tree.
     * @return the value, or {@code null} for an empty (or whitespace-only) body
     * @throws MalformedXmlException if the body is not a well-formed CTERA document
     * @throws UncheckedIOException if reading the stream fails
     */
    public @Nullable XmlValue decode(InputStream in) {
        try (XmlCursor cursor = openCursor(in)) {
            return cursor.readRootValue();
        }
    }

    /** Reads a whole answer held in memory as a tree; {@code null} for an empty body. */
    public @Nullable XmlValue decode(byte[] body) {
        return decode(new ByteArrayInputStream(body));
    }

    /**
     * Streams one page of a query answer {@code <obj><att id="hasMore">..</att><att id="ITEMS"><list>..</list></att></obj>},
     * handing each item to the mapper as soon as it is read, so only one item exists as a tree at a time. Other
     * attributes are skipped unread.
     * @param itemsAttribute {@code objects} for db queries, {@code logs} for {@code queryLogs}
     * @throws MalformedXmlException if the body is empty, not an object, lacks {@code hasMore} or the items list,
     *     or has a non-object item
     */
    public <T> CteraPage<T> decodePage(InputStream in, String itemsAttribute, Function<XmlObject, T> mapper) {
        Objects.requireNonNull(itemsAttribute, "itemsAttribute");
        Objects.requireNonNull(mapper, "mapper");
        try (XmlCursor cursor = openCursor(in)) {
            cursor.beginRootObject();
            Boolean hasMore = null;
            List<T> items = null;
            for (String attribute = cursor.nextAttribute(); attribute != null; attribute = cursor.nextAttribute()) {
                if ("hasMore".equals(attribute)) {
                    hasMore = cursor.readBoolean();
                }
                else if (itemsAttribute.equals(attribute)) {
                    if (!cursor.beginList()) {
                        throw cursor.malformed("expected <list> in attribute '" + itemsAttribute + "', found null");
                    }
                    items = new ArrayList<>();
                    for (XmlObject item = cursor.nextObjectItem(); item != null; item = cursor.nextObjectItem()) {
                        items.add(Objects.requireNonNull(mapper.apply(item), "the page item mapper returned null"));
                    }
                }
            }
            if (hasMore == null) {
                throw cursor.malformed("expected attribute 'hasMore' in the page object, found none");
            }
            if (items == null) {
                throw cursor.malformed("expected attribute '" + itemsAttribute + "' in the page object, found none");
            }
            cursor.finish();
            return new CteraPage<>(items, hasMore);
        }
    }

    /**
     * A cursor over one document, for streaming shapes other than query pages. The caller closes the cursor; the
     * stream stays the caller's to close.
     */
    public XmlCursor openCursor(InputStream in) {
        Objects.requireNonNull(in, "in");
        PushbackInputStream body = new PushbackInputStream(in, 1);
        try {
            if (!skipLeadingWhitespace(body)) {
                return new XmlCursor(null, this.maxTextLength);
            }
            XMLStreamReader reader = this.inputFactory.createXMLStreamReader(body);
            return new XmlCursor(reader, this.maxTextLength);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("reading the portal's answer failed", ex);
        }
        catch (XMLStreamException ex) {
            throw XmlCursor.translate(ex, this.maxTextLength);
        }
    }

    // The SDK reads an empty answer as "no value"; whitespace before the root element is harmless to drop, and
    // dropping it lets a blank body count as empty too.
    private static boolean skipLeadingWhitespace(PushbackInputStream in) throws IOException {
        int next = in.read();
        while (next == ' ' || next == '\t' || next == '\r' || next == '\n') {
            next = in.read();
        }
        if (next == -1) {
            return false;
        }
        in.unread(next);
        return true;
    }
}
