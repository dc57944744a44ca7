package com.ctera.client.reliability;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.XmlCodec;
import com.ctera.client.protocol.XmlLimitExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzzing in the test run (issue 21): seeded mutations of valid answers, a fixed number of cases each, fed to the
 * client's XML codec and, over HTTP, to its change-feed JSON reader. Each input ends in a value or in the parser's own
 * protocol exception, never in another exception, a hang, or unbounded memory (values are capped by a small text
 * limit; inputs stay below a few hundred KiB).
 *
 * <p>Not jqwik: version 1.10 prints a notice that it is not to be used by AI agents, and these tests were written by
 * one; a seeded generator gives the same fixed, reproducible cases.
 */
class ParserFuzzTest {

    private static final long SEED = 0x21_2026L;

    private static final int XML_CASES = 2000;

    private static final int JSON_CASES = 300;

    private static final String PAGE = "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list>"
            + "<obj class=\"PortalUser\" uuid=\"u-1\"><att id=\"name\"><val>alice</val></att><att id=\"uid\"><val>42"
            + "</val></att><att id=\"groups\"><list><val>a</val><val>b &amp; c</val></list></att>"
            + "<att id=\"empty\" /></obj><obj class=\"PortalUser\"><att id=\"name\"><val><![CDATA[<bob>]]></val>"
            + "</att></obj></list></att></obj>";

    private static final String BATCH = "{\"cursor\": \"c-1\", \"has_more\": false, \"entries\": [{\"guid\": \"g-1\", "
            + "\"type\": \"file\", \"name\": \"a.txt\", \"folder_id\": 7, \"deleted\": false, \"size\": 10}, "
            + "{\"guid\": \"g-2\", \"type\": \"folder\", \"name\": \"d\", \"folder_id\": 7}]}";

    @RegisterExtension
    static final HostilePortal portal = HostilePortal.start();

    @Test
    void theXmlCodecRaisesOnlyItsProtocolExceptions() {
        XmlCodec codec = new XmlCodec(4096);
        Mutator mutator = new Mutator(SEED);
        byte[] valid = PAGE.getBytes(StandardCharsets.UTF_8);
        assertThat(codec.decodePage(new ByteArrayInputStream(valid), "objects", object -> object).items()).hasSize(2);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < XML_CASES; i++) {
                byte[] input = mutator.mutate(valid);
                outcomes[decodes(codec, input, i) ? 0 : 1]++;
            }
        });
        // Both outcomes occur, so the cases reach past the first byte into the codec.
        assertThat(outcomes[0]).isPositive();
        assertThat(outcomes[1]).isPositive();
    }

    private static boolean decodes(XmlCodec codec, byte[] input, int index) {
        try {
            codec.decode(input);
            codec.decodePage(new ByteArrayInputStream(input), "objects", object -> object);
            return true;
        }
        catch (MalformedXmlException | XmlLimitExceededException expected) {
            return false;
        }
        catch (UncheckedIOException expected) {
            // Bytes that are not UTF-8: the transport reports it as a malformed answer.
            return false;
        }
        catch (RuntimeException | Error unexpected) {
            throw new AssertionError("case " + index + " (seed " + SEED + "): " + unexpected + " for input "
                    + excerpt(input), unexpected);
        }
    }

    @Test
    void theChangeFeedReaderRaisesOnlyCteraExceptions() {
        Mutator mutator = new Mutator(SEED);
        byte[] valid = BATCH.getBytes(StandardCharsets.UTF_8);
        try (CteraPortal client = CteraPortal.builder().baseUrl(portal.url()).bearerToken("fuzz-token")
            .readTimeout(Duration.ofSeconds(5)).build()) {
            portal.script(json(valid));
            assertThat(client.reactive().notifications().list(List.of(7L), null, 10).block().entries()).hasSize(2);
            int[] outcomes = new int[2];
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < JSON_CASES; i++) {
                    byte[] input = mutator.mutate(valid);
                    portal.script(json(input));
                    try {
                        client.reactive().notifications().list(List.of(7L), null, 10).block();
                        outcomes[0]++;
                    }
                    catch (CteraException expected) {
                        // a malformed answer, reported as one
                        outcomes[1]++;
                    }
                    catch (RuntimeException | Error unexpected) {
                        throw new AssertionError("case " + i + " (seed " + SEED + "): " + unexpected + " for "
                                + excerpt(input), unexpected);
                    }
                }
            });
            assertThat(outcomes[0]).isPositive();
            assertThat(outcomes[1]).isPositive();
        }
    }

    // The case number and seed reproduce an input; its start is enough to read it.
    static String excerpt(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        return "'" + ((text.length() > 300) ? text.substring(0, 300) + "...' (" + input.length + " bytes)" : text + "'");
    }

    private static HostilePortal.Script json(byte[] body) {
        return (request, out) -> {
            out.write(HostilePortal.head(200, "Content-Length: " + body.length));
            out.write(body);
        };
    }
}
