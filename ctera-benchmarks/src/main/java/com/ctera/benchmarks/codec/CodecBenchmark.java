package com.ctera.benchmarks.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import com.ctc.wstx.stax.WstxInputFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.ctera.client.CteraPage;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlNull;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;

/**
 * Throughput of the client's XML codec on large answers, against the floor of a bare StAX pass over the same bytes
 * ({@code staxReadFloor} for the decoders, {@code staxWriteFloor} for the encoder). The {@code bytes} counter is the
 * body size per second, so bytes/s ÷ 10^6 is MB/s; {@code -prof gc} gives allocation per operation, which divided by
 * {@code items} is allocation per object.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class CodecBenchmark {

    /** {@code users} is a 50,000-user query page; {@code listing} a 10,000-item folder listing. */
    @Param({ "users", "listing" })
    public String body;

    private final XmlCodec codec = new XmlCodec();

    private final XMLInputFactory inputFactory = floorInputFactory(new WstxInputFactory());

    private final XMLInputFactory jdkInputFactory = floorInputFactory(XMLInputFactory.newDefaultFactory());

    private final XMLOutputFactory outputFactory = XMLOutputFactory.newDefaultFactory();

    private byte[] bytes = new byte[0];

    private XmlValue tree = XmlNull.INSTANCE;

    private String itemsAttribute = "";

    @Setup(Level.Trial)
    public void generate() {
        boolean users = "users".equals(this.body);
        this.bytes = users ? WireSamples.userQuery(50_000) : WireSamples.folderListing(10_000);
        this.itemsAttribute = users ? "objects" : "items";
        XmlValue decoded = this.codec.decode(this.bytes);
        if (decoded == null) {
            throw new IllegalStateException("the generated " + this.body + " body decoded to nothing");
        }
        this.tree = decoded;
    }

    /** Counts the bytes each operation handled, so JMH reports bytes per second next to operations per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Volume {

        /** Body bytes read or written. */
        public long bytes;
    }

    @Benchmark
    public int staxReadFloor(Volume volume) throws XMLStreamException {
        return readFloor(volume, this.inputFactory);
    }

    /** The same bare pass with the JDK's built-in parser, which the codec used before Woodstox. */
    @Benchmark
    public int jdkStaxReadFloor(Volume volume) throws XMLStreamException {
        return readFloor(volume, this.jdkInputFactory);
    }

    private int readFloor(Volume volume, XMLInputFactory factory) throws XMLStreamException {
        volume.bytes += this.bytes.length;
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(this.bytes));
        int touched = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    touched += reader.getLocalName().length();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        touched += reader.getAttributeValue(i).length();
                    }
                }
                else if (event == XMLStreamConstants.CHARACTERS) {
                    touched += reader.getText().length();
                }
                else if (event == XMLStreamConstants.END_ELEMENT) {
                    touched += reader.getLocalName().length();
                }
            }
        }
        finally {
            reader.close();
        }
        return touched;
    }

    @Benchmark
    public XmlValue decodeTree(Volume volume) {
        volume.bytes += this.bytes.length;
        return this.codec.decode(this.bytes);
    }

    @Benchmark
    public CteraPage<?> decodePage(Volume volume) {
        volume.bytes += this.bytes.length;
        return "users".equals(this.body)
                ? this.codec.decodePage(new ByteArrayInputStream(this.bytes), this.itemsAttribute, WireMappers::user)
                : this.codec.decodePage(new ByteArrayInputStream(this.bytes), this.itemsAttribute,
                        WireMappers::resource);
    }

    @Benchmark
    public byte[] encode(Volume volume) {
        volume.bytes += this.bytes.length;
        return this.codec.encode(this.tree);
    }

    @Benchmark
    public void staxWriteFloor(Volume volume, Blackhole blackhole) throws XMLStreamException {
        volume.bytes += this.bytes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(this.bytes.length);
        XMLStreamWriter writer = this.outputFactory.createXMLStreamWriter(out, "UTF-8");
        writeValue(writer, this.tree);
        writer.close();
        blackhole.consume(out.toByteArray());
    }

    private static void writeValue(XMLStreamWriter writer, XmlValue value) throws XMLStreamException {
        if (value instanceof XmlObject object) {
            writer.writeStartElement("obj");
            if (object.className() != null) {
                writer.writeAttribute("class", object.className());
            }
            for (Map.Entry<String, XmlValue> attribute : object.attributes().entrySet()) {
                if (attribute.getValue() == XmlNull.INSTANCE) {
                    writer.writeEmptyElement("att");
                    writer.writeAttribute("id", attribute.getKey());
                }
                else {
                    writer.writeStartElement("att");
                    writer.writeAttribute("id", attribute.getKey());
                    writeValue(writer, attribute.getValue());
                    writer.writeEndElement();
                }
            }
            writer.writeEndElement();
        }
        else if (value instanceof XmlList list) {
            writer.writeStartElement("list");
            for (XmlValue item : list.items()) {
                writeValue(writer, item);
            }
            writer.writeEndElement();
        }
        else if (value instanceof XmlText text) {
            writer.writeStartElement("val");
            writer.writeCharacters(text.text());
            writer.writeEndElement();
        }
    }

    // Configured as the client's own factory is (Woodstox), so the floor pays for the same parser features.
    private static XMLInputFactory floorInputFactory(XMLInputFactory factory) {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
