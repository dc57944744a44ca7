package com.ctera.client.protocol;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.ctera.client.CteraPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming decode of query pages: the shapes of §4.1, §5.2 and §5.7, bounded memory, and every bad shape. */
class PageDecodingTest {

    private final XmlCodec codec = new XmlCodec();

    private static InputStream body(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usersPageOfSection41() {
        CteraPage<String> page = this.codec.decodePage(body("<obj class=\"QueryResult\"><att id=\"hasMore\"><val>true</val></att><att id=\"objects\"><list><obj class=\"PortalUser\"><att id=\"name\"><val>alice</val></att><att id=\"email\"><val>alice@acme.com</val></att></obj><obj class=\"PortalUser\"><att id=\"name\"><val>bob</val></att></obj></list></att></obj>"),
                "objects", user -> user.requireText("name"));
        assertThat(page).isEqualTo(new CteraPage<>(List.of("alice", "bob"), true));
    }

    @Test
    void filersPageOfSection52() {
        CteraPage<XmlObject> page = this.codec.decodePage(body("<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list><obj class=\"Device\"><att id=\"name\"><val>FSRV1</val></att><att id=\"portal\"><val>objs/50//TeamPortal/acme</val></att><att id=\"deviceType\"><val>vGateway</val></att><att id=\"version\"><val>7.8.3030.0</val></att><att id=\"remoteAccessUrl\"><val>https://…/devicecmdnew/acme/FSRV1/</val></att><att id=\"deviceConnectionStatus\"><obj><att id=\"connected\"><val>true</val></att><att id=\"updateTime\"><val>2024-05-01T10:00:00</val></att></obj></att></obj></list></att></obj>"),
                "objects", device -> device);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.items()).singleElement().satisfies(device -> {
            assertThat(device.className()).isEqualTo("Device");
            assertThat(device.requireObject("deviceConnectionStatus").text("updateTime")).isEqualTo("2024-05-01T10:00:00");
        });
    }

    @Test
    void logsPageOfSection57UsesTheLogsAttribute() {
        // The reference elides the log record ("<obj class=\"…\">…</obj>"); any object stands in for it.
        String xml = "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"logs\"><list><obj class=\"Log\"><att id=\"topic\"><val>audit</val></att></obj></list></att></obj>";
        assertThat(this.codec.decodePage(body(xml), "logs", log -> log.text("topic")).items()).containsExactly("audit");
        assertThatThrownBy(() -> this.codec.decodePage(body(xml), "objects", log -> log))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected attribute 'objects' in the page object, found none");
    }

    @Test
    void otherAttributesAreSkippedInAnyOrder() {
        String xml = """
                <obj class="QueryResult">
                  <att id="total"><obj><att id="deep"><list><obj><att id="x"><val>1</val></att></obj></list></att></obj></att>
                  <att id="objects"><list><obj><att id="n"><val>1</val></att></obj></list></att>
                  <att id="note"><val>ignored</val></att>
                  <att id="cursor" />
                  <att id="hasMore"><val>false</val></att>
                </obj>
                """;
        assertThat(this.codec.decodePage(body(xml), "objects", item -> item.text("n")))
            .isEqualTo(new CteraPage<>(List.of("1"), false));
    }

    @Test
    void anEmptyLastPageIsFine() {
        CteraPage<XmlObject> page = this.codec.decodePage(
                body("<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list /></att></obj>"),
                "objects", item -> item);
        assertThat(page).isEqualTo(CteraPage.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "<val>x</val>",
            "<list />",
            "<obj><att id=\"objects\"><list /></att></obj>",
            "<obj><att id=\"hasMore\"><val>false</val></att></obj>",
            "<obj><att id=\"hasMore\" /><att id=\"objects\"><list /></att></obj>",
            "<obj><att id=\"hasMore\"><val>yes</val></att><att id=\"objects\"><list /></att></obj>",
            "<obj><att id=\"hasMore\"><list /></att><att id=\"objects\"><list /></att></obj>",
            "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\" /></obj>",
            "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><obj /></att></obj>",
            "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list><val>a</val></list></att></obj>",
            "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list><obj /></list></att>",
            "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list><obj /></list></att></obj><obj />" })
    void badPagesAreMalformedNeverEmptyOrNull(String xml) {
        assertThatThrownBy(() -> this.codec.decodePage(body(xml), "objects", item -> item))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageStartingWith("expected");
    }

    @Test
    void malformedMessagesSayWhatAndWhere() {
        assertThatThrownBy(() -> this.codec.decodePage(body("<obj>\n<att id=\"hasMore\"><val>false</val></att>\n<att id=\"objects\"><list><val>a</val></list></att></obj>"), "objects", item -> item))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessage("expected <obj> as a list item, found <val> (at line 3, column 25)");
        assertThatThrownBy(() -> this.codec.decodePage(body(""), "objects", item -> item))
            .hasMessage("expected <obj> as the root element, found an empty body");
    }

    @Test
    void aTruncatedPageFailsEvenAfterItemsWereMapped() {
        List<String> mapped = new ArrayList<>();
        assertThatThrownBy(() -> this.codec.decodePage(
                body("<obj><att id=\"hasMore\"><val>true</val></att><att id=\"objects\"><list><obj><att id=\"n\"><val>1</val></att></obj><obj><att id=\"n\"><val>2</v"),
                "objects", item -> {
                    mapped.add(item.requireText("n"));
                    return item;
                }))
            .isInstanceOf(MalformedXmlException.class);
        assertThat(mapped).containsExactly("1");
    }

    @Test
    void mapperFailuresPropagateUnchanged() {
        IllegalStateException failure = new IllegalStateException("mapping failed");
        assertThatThrownBy(() -> this.codec.decodePage(
                body("<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list><obj /></list></att></obj>"),
                "objects", item -> {
                    throw failure;
                }))
            .isSameAs(failure);
    }

    @Test
    void aHugePageIsStreamedOneItemAtATime() {
        int count = 20_000;
        GeneratedPage source = new GeneratedPage(count);
        List<Integer> lead = new ArrayList<>();
        CteraPage<Integer> page = this.codec.decodePage(source, "objects", item -> {
            int index = Integer.parseInt(item.requireText("index"));
            // How far the parser has read beyond the item being mapped: a tree decoder would be at the very end.
            lead.add(source.itemsWritten() - index);
            return index;
        });
        assertThat(page.hasMore()).isTrue();
        assertThat(page.items()).hasSize(count);
        assertThat(page.items().get(0)).isZero();
        assertThat(page.items().get(count - 1)).isEqualTo(count - 1);
        assertThat(lead).hasSize(count).allSatisfy(ahead -> assertThat(ahead).isBetween(1, 200));
        assertThat(source.itemsWritten()).isEqualTo(count);
    }

    /** A page body produced on demand, counting how many items the parser has pulled so far. */
    private static final class GeneratedPage extends InputStream {

        private final int count;

        private int itemsWritten;

        private byte[] chunk = "<obj class=\"QueryResult\"><att id=\"hasMore\"><val>true</val></att><att id=\"objects\"><list>"
            .getBytes(StandardCharsets.UTF_8);

        private int position;

        private boolean footerWritten;

        GeneratedPage(int count) {
            this.count = count;
        }

        int itemsWritten() {
            return this.itemsWritten;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (this.position == this.chunk.length && !nextChunk()) {
                return -1;
            }
            int copied = Math.min(length, this.chunk.length - this.position);
            System.arraycopy(this.chunk, this.position, buffer, offset, copied);
            this.position += copied;
            return copied;
        }

        private boolean nextChunk() {
            if (this.itemsWritten < this.count) {
                this.chunk = ("<obj class=\"PortalUser\"><att id=\"index\"><val>" + this.itemsWritten
                        + "</val></att><att id=\"name\"><val>user" + this.itemsWritten + "</val></att></obj>")
                    .getBytes(StandardCharsets.UTF_8);
                this.itemsWritten++;
            }
            else if (!this.footerWritten) {
                this.chunk = "</list></att></obj>".getBytes(StandardCharsets.UTF_8);
                this.footerWritten = true;
            }
            else {
                return false;
            }
            this.position = 0;
            return true;
        }
    }
}
