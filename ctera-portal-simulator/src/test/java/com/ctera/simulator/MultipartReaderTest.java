package com.ctera.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming multipart reader: every way a body can be cut into buffers gives the same parts and bytes. */
class MultipartReaderTest {

    private static final String BOUNDARY = "a38a142eda1942c2b6e5c64913e8129b";

    /** What the reader handed over: events in order, and the file bytes of each file part. */
    private static final class Recorded implements MultipartReader.Parts {

        final List<String> events = new ArrayList<>();
        final List<ByteArrayOutputStream> files = new ArrayList<>();

        @Override
        public void field(String name, String value) {
            this.events.add(name + "=" + value);
        }

        @Override
        public void fileStarted(String name) {
            this.events.add("file " + name);
            this.files.add(new ByteArrayOutputStream());
        }

        @Override
        public void fileBytes(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            this.files.get(this.files.size() - 1).writeBytes(copy);
        }

        @Override
        public void fileEnded() {
            this.events.add("end");
        }
    }

    private static byte[] sdkBody(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : new String[][] { { "name", "ü.txt" }, { "Filename", "ü.txt" },
                { "fullpath", "http://127.0.0.1:80/ServicesPortal/webdav/My%20Files/%C3%BC.txt" },
                { "fileSize", Integer.toString(file.length) } }) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: "
                    + "form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: "
                + "form-data; name=\"file\"; filename=\"file\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** File bytes full of near-delimiters: CRs, CRLF--, and the delimiter cut one byte short. */
    private static byte[] trickyFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String delimiter = "\r\n--" + BOUNDARY;
        for (int cut = 1; cut < delimiter.length(); cut++) {
            out.writeBytes(delimiter.substring(0, cut).getBytes(StandardCharsets.ISO_8859_1));
            out.write('x');
        }
        out.writeBytes("\r\r\n\r\n-\r\n--\r".getBytes(StandardCharsets.ISO_8859_1));
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        out.writeBytes(noise);
        out.writeBytes(delimiter.substring(0, delimiter.length() - 1).getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static Recorded read(byte[] body, int... cuts) {
        Recorded recorded = new Recorded();
        MultipartReader reader = new MultipartReader(BOUNDARY, recorded);
        int from = 0;
        try {
            for (int cut : cuts) {
                reader.read(ByteBuffer.wrap(body, from, cut - from).slice());
                from = cut;
            }
            reader.read(ByteBuffer.wrap(body, from, body.length - from).slice());
        }
        catch (java.io.IOException ex) {
            throw new AssertionError(ex);
        }
        reader.finish();
        return recorded;
    }

    private static void assertSdkParts(Recorded recorded, byte[] file) {
        assertThat(recorded.events).containsExactly("name=ü.txt", "Filename=ü.txt",
                "fullpath=http://127.0.0.1:80/ServicesPortal/webdav/My%20Files/%C3%BC.txt",
                "fileSize=" + file.length, "file file", "end");
        assertThat(recorded.files.get(0).toByteArray()).isEqualTo(file);
    }

    @Test
    void theSdkBodyReadsTheSameCutAnywhereIntoTwo() {
        byte[] file = "hello upload".getBytes(StandardCharsets.UTF_8);
        byte[] body = sdkBody(file);
        assertSdkParts(read(body), file);
        for (int cut = 0; cut <= body.length; cut++) {
            assertSdkParts(read(body, cut), file);
        }
    }

    @Test
    void fileBytesFullOfNearDelimitersSurviveEveryBufferSize() {
        byte[] file = trickyFile();
        byte[] body = sdkBody(file);
        for (int size : new int[] { 1, 2, 3, 5, 7, 13, 31, 36, 37, 38, 64, 1000, 4096 }) {
            int[] cuts = new int[(body.length - 1) / size];
            for (int i = 0; i < cuts.length; i++) {
                cuts[i] = (i + 1) * size;
            }
            assertSdkParts(read(body, cuts), file);
        }
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int[] cuts = random.ints(8, 0, body.length + 1).sorted().toArray();
            assertSdkParts(read(body, cuts), file);
        }
    }

    @Test
    void preambleEpilogueAndPaddingAreIgnoredAndEmptyPartsAllowed() {
        String body = "a preamble\r\n--" + BOUNDARY + "  \r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n"
                + "\r\n--" + BOUNDARY + "\r\ncontent-disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n"
                + "\r\n--" + BOUNDARY + "--\r\nan epilogue --" + BOUNDARY + "\r\n";
        Recorded recorded = read(body.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(recorded.events).containsExactly("empty=", "file f", "end");
        assertThat(recorded.files.get(0).size()).isZero();
    }

    @Test
    void aFieldIsDecodedWithItsCharset() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
                + "Content-Disposition: form-data; name=\"latin\"\r\n\r\n\u00e9t\u00e9\r\n--" + BOUNDARY + "--")
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(body).events).containsExactly("latin=été");
    }

    @Test
    void everyFilePartIsAnnouncedSoTheCallerCanRefuseASecond() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n\r\nA"
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"b\"; filename=\"b\"\r\n\r\nBB"
                + "\r\n--" + BOUNDARY + "--";
        Recorded recorded = read(body.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(recorded.events).containsExactly("file a", "end", "file b", "end");
        assertThat(recorded.files.get(1).toString(StandardCharsets.ISO_8859_1)).isEqualTo("BB");
    }

    @Test
    void malformedBodiesAreBadRequests() {
        byte[] cutShort = sdkBody(new byte[10]);
        assertThatThrownBy(() -> read(java.util.Arrays.copyOf(cutShort, cutShort.length - 5)))
            .isInstanceOf(BadRequestException.class)
            .hasMessageContaining("ended before its closing boundary");
        byte[] nameless = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--")
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(nameless)).isInstanceOf(BadRequestException.class)
            .hasMessageContaining("no Content-Disposition name");
        byte[] endlessHeaders = ("--" + BOUNDARY + "\r\nX: " + "y".repeat(MultipartReader.MAX_HEADER_BYTES))
            .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new MultipartReader(BOUNDARY, new Recorded()).read(ByteBuffer.wrap(endlessHeaders)))
            .isInstanceOf(BadRequestException.class)
            .hasMessageContaining("headers are longer than");
        assertThatThrownBy(() -> new MultipartReader("a\r\nb", new Recorded())).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> new MultipartReader("b".repeat(71), new Recorded()))
            .isInstanceOf(BadRequestException.class);
    }

    @Test
    void theBoundaryComesFromAMultipartFormDataContentTypeOnly() {
        assertThat(MultipartReader.boundary(MediaType.parseMediaType("multipart/form-data; boundary=abc")))
            .isEqualTo("abc");
        assertThat(MultipartReader.boundary(MediaType.parseMediaType("multipart/form-data; boundary=\"a b:c\"")))
            .isEqualTo("a b:c");
        assertThat(MultipartReader.boundary(MediaType.parseMediaType("multipart/form-data"))).isNull();
        assertThat(MultipartReader.boundary(MediaType.parseMediaType("application/octet-stream"))).isNull();
        assertThat(MultipartReader.boundary(null)).isNull();
    }
}
