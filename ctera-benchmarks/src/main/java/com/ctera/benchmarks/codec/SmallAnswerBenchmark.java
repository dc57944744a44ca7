package com.ctera.benchmarks.codec;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.stax.WstxInputFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlValue;

/**
 * The codec's cost per call on a typical small answer (one user's get-multi, about 600 bytes), where fixed costs
 * such as creating a parser weigh more than the bytes: the client's tree decode next to a bare StAX pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class SmallAnswerBenchmark {

    private static final byte[] USER = ("<obj class=\"PortalUser\"><att id=\"name\"><val>alice</val></att>"
            + "<att id=\"email\"><val>alice@acme.example.com</val></att><att id=\"firstName\"><val>Alice</val></att>"
            + "<att id=\"lastName\"><val>Wonderland</val></att><att id=\"role\"><val>EndUser</val></att>"
            + "<att id=\"company\"><val>Acme Corp</val></att><att id=\"comment\" />"
            + "<att id=\"uid\"><val>1004</val></att><att id=\"requirePasswordChangeOn\" />"
            + "<att id=\"domain\" /><att id=\"displayName\" /></obj>").getBytes(StandardCharsets.UTF_8);

    private final XmlCodec codec = new XmlCodec();

    // The client's parser, Woodstox, creating a reader for each answer as the codec does.
    private final XMLInputFactory inputFactory = new WstxInputFactory();

    @Benchmark
    public XmlValue decodeTree() {
        return this.codec.decode(USER);
    }

    @Benchmark
    public int staxReadFloor() throws XMLStreamException {
        XMLStreamReader reader = this.inputFactory.createXMLStreamReader(new ByteArrayInputStream(USER));
        int touched = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                    touched += reader.getLocalName().length();
                }
                else if (event == XMLStreamConstants.CHARACTERS) {
                    touched += reader.getText().length();
                }
            }
        }
        finally {
            reader.close();
        }
        return touched;
    }
}
