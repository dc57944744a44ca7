package com.ctera.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.ctera.simulator.xml.MalformedXmlException;
import com.ctera.simulator.xml.XmlReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzing in the test run (issue 21): seeded mutations of valid requests, a fixed number of cases, fed to the
 * simulator's XML request parser and multipart reader. Each ends in a value or in the reader's own refusal
 * ({@link MalformedXmlException}, {@link BadRequestException}, which the handler answers with 400), never in another
 * exception or a hang; inputs stay below a few hundred KiB. (Seeded cases rather than jqwik: see docs/reliability.md.)
 */
class RequestParserFuzzTest {

    private static final long SEED = 0x21_2026L;

    private static final int CASES = 1500;

    private static final String BOUNDARY = "fuzz7b1c";

    private static final String[] FRAGMENTS = { "<obj>", "</obj>", "<att id=\"x\">", "</att>", "<list>", "</list>",
        "<val>", "</val>", "<!DOCTYPE obj [<!ENTITY e \"x\">]>", "<!DOCTYPE obj [<!ENTITY % p \"\"> %p;]>", "&e;",
        "&#0;", "<![CDATA[", "]]>", "<!--", "\u0000", "\r\n", "\r\n--" + BOUNDARY, "\r\n--" + BOUNDARY + "--",
        "\r\n\r\n", "Content-Disposition: form-data; name=\"", "; filename=\"", "charset=nope", "\"" };

    @Test
    void theXmlRequestParserRaisesOnlyMalformedXml() {
        String valid = "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val></att>"
                + "<att id=\"param\"><obj class=\"QueryParams\"><att id=\"startFrom\"><val>0</val></att>"
                + "<att id=\"include\"><list><val>name</val></list></att><att id=\"none\" /></obj></att></obj>";
        XmlReader reader = new XmlReader();
        fuzz(valid, (input, random) -> reader.read(input), MalformedXmlException.class);
    }

    @Test
    void theMultipartReaderRaisesOnlyBadRequests() {
        String valid = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nä.txt\r\n--"
                + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; "
                + "name=\"file\"; filename=\"ä.txt\"\r\n\r\nbytes\r\n--of the file\r\n--" + BOUNDARY + "--\r\n";
        fuzz(valid, RequestParserFuzzTest::readInPieces, BadRequestException.class);
    }

    /** Feeds {@link #CASES} mutations of {@code valid} to the target: each is accepted or refused as allowed. */
    private static void fuzz(String valid, Target target, Class<? extends RuntimeException> refusal) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] input = mutate(valid.getBytes(StandardCharsets.UTF_8), random);
                try {
                    target.read(input, random);
                    outcomes[0]++;
                }
                catch (RuntimeException | Error | IOException failure) {
                    if (!refusal.isInstance(failure)) {
                        throw new AssertionError("case " + i + " (seed " + SEED + "): " + failure, failure);
                    }
                    outcomes[1]++;
                }
            }
        });
        // Both outcomes occur, so the cases reach past the first bytes into the reader.
        assertThat(outcomes[0]).isPositive();
        assertThat(outcomes[1]).isPositive();
    }

    /** One reader under test. */
    @FunctionalInterface
    private interface Target {

        void read(byte[] input, SplittableRandom random) throws IOException;
    }

    // The body arrives in buffers cut at random places, as the network delivers it.
    private static void readInPieces(byte[] body, SplittableRandom random) throws IOException {
        MultipartReader reader = new MultipartReader(BOUNDARY, new MultipartReader.Parts() {

            @Override
            public void field(String name, String value) {
            }

            @Override
            public void fileStarted(String name) {
            }

            @Override
            public void fileBytes(ByteBuffer bytes) {
                bytes.position(bytes.limit());
            }

            @Override
            public void fileEnded() {
            }
        });
        int from = 0;
        while (from < body.length) {
            int to = Math.min(body.length, from + 1 + random.nextInt(64));
            reader.read(ByteBuffer.wrap(body, from, to - from).slice());
            from = to;
        }
        reader.finish();
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] bytes = valid;
        for (int round = 1 + random.nextInt(4); round > 0; round--) {
            int at = random.nextInt(bytes.length + 1);
            bytes = switch (random.nextInt(5)) {
                case 0 -> Arrays.copyOf(bytes, at);
                case 1 -> {
                    byte[] noise = new byte[1 + random.nextInt(8)];
                    random.nextBytes(noise);
                    yield spliced(bytes, at, noise);
                }
                case 2 -> spliced(bytes, at, ("<list>".repeat(random.nextInt(300)))
                    .getBytes(StandardCharsets.UTF_8));
                case 3 -> spliced(bytes, at, "y".repeat(random.nextInt(70_000)).getBytes(StandardCharsets.UTF_8));
                default -> spliced(bytes, at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]
                    .getBytes(StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    private static byte[] spliced(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
