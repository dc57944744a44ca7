package com.ctera.client.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading answers into trees: the reference's response shapes, null versus empty, text fidelity and bad input. */
class XmlCodecDecodeTest {

    private final XmlCodec codec = new XmlCodec();

    private XmlValue decode(String xml) {
        XmlValue value = this.codec.decode(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(value).isNotNull();
        return value;
    }

    private XmlObject decodeObject(String xml) {
        return (XmlObject) decode(xml);
    }

    @Test
    void usersPageOfSection41() {
        XmlObject page = decodeObject("<obj class=\"QueryResult\"><att id=\"hasMore\"><val>true</val></att><att id=\"objects\"><list><obj class=\"PortalUser\"><att id=\"name\"><val>alice</val></att><att id=\"email\"><val>alice@acme.com</val></att></obj><obj class=\"PortalUser\"><att id=\"name\"><val>bob</val></att></obj></list></att></obj>");
        assertThat(page.className()).isEqualTo("QueryResult");
        assertThat(page.text("hasMore")).isEqualTo("true");
        List<XmlValue> users = page.list("objects");
        assertThat(users).hasSize(2);
        XmlObject alice = (XmlObject) users.get(0);
        assertThat(alice.className()).isEqualTo("PortalUser");
        assertThat(alice.attributes()).containsExactly(
                java.util.Map.entry("name", XmlText.of("alice")), java.util.Map.entry("email", XmlText.of("alice@acme.com")));
        assertThat(((XmlObject) users.get(1)).text("name")).isEqualTo("bob");
    }

    @Test
    void userGetMultiOfSection51AndTheMissingUser() {
        XmlObject alice = decodeObject("<obj><att id=\"name\"><val>alice</val></att><att id=\"uid\"><val>55</val></att><att id=\"email\"><val>alice@acme.com</val></att></obj>");
        assertThat(alice.text("uid")).isEqualTo("55");
        assertThat(alice.attributes().keySet()).containsExactly("name", "uid", "email");

        XmlObject missing = decodeObject("<obj><att id=\"name\" /><att id=\"uid\" /></obj>");
        assertThat(missing.isNull("name")).isTrue();
        assertThat(missing.has("name")).isTrue();
        assertThat(missing.text("name")).isNull();
    }

    @Test
    void filersPageOfSection52() {
        XmlObject page = decodeObject("<obj><att id=\"hasMore\"><val>false</val></att><att id=\"objects\"><list><obj class=\"Device\"><att id=\"name\"><val>FSRV1</val></att><att id=\"portal\"><val>objs/50//TeamPortal/acme</val></att><att id=\"deviceType\"><val>vGateway</val></att><att id=\"version\"><val>7.8.3030.0</val></att><att id=\"remoteAccessUrl\"><val>https://…/devicecmdnew/acme/FSRV1/</val></att><att id=\"deviceConnectionStatus\"><obj><att id=\"connected\"><val>true</val></att><att id=\"updateTime\"><val>2024-05-01T10:00:00</val></att></obj></att></obj></list></att></obj>");
        XmlObject device = (XmlObject) page.list("objects").get(0);
        assertThat(device.text("version")).isEqualTo("7.8.3030.0");
        assertThat(device.text("remoteAccessUrl")).isEqualTo("https://…/devicecmdnew/acme/FSRV1/");
        assertThat(device.requireObject("deviceConnectionStatus").text("connected")).isEqualTo("true");
    }

    @Test
    void sessionBootstrapPairsOfSection72() {
        XmlObject session = decodeObject("<obj><att id=\"username\"><val>alice</val></att><att id=\"role\"><val>EndUser</val></att><att id=\"domain\" /></obj>");
        assertThat(session.text("role")).isEqualTo("EndUser");
        assertThat(session.isNull("domain")).isTrue();
        assertThat(decode("<val>acme</val>")).isEqualTo(XmlText.of("acme"));
        // Kept as text: the SDK's type sniffing would not survive "7.5.182.16" or "007" anyway.
        assertThat(decode("<val>7.5.182.16</val>")).isEqualTo(XmlText.of("7.5.182.16"));
        assertThat(decode("<val>007</val>")).isEqualTo(XmlText.of("007"));
    }

    @Test
    void taskPairsOfSection72() {
        XmlText reference = (XmlText) decode("<val>servers/MainDB/bgTasks/918908</val>");
        assertThat(TaskRef.parse(reference.text())).isEqualTo(new TaskRef("MainDB", 918908));

        XmlObject task = decodeObject("<obj class=\"FileManagerBgTask\"><att id=\"id\"><val>918908</val></att><att id=\"name\"><val>…</val></att><att id=\"startTime\"><val>2024-05-01T10:00:00</val></att><att id=\"endTime\"><val>2024-05-01T10:00:01</val></att><att id=\"elapsedTime\"><val>1</val></att><att id=\"status\"><val>completed</val></att><att id=\"percentage\"><val>100</val></att><att id=\"result\" /><att id=\"progstring\"><val>Done</val></att><att id=\"portalUid\"><val>50</val></att><att id=\"filesProcessed\"><val>1</val></att><att id=\"bytesProcessed\"><val>10</val></att><att id=\"totalFiles\"><val>1</val></att><att id=\"totalBytes\"><val>10</val></att><att id=\"errorType\" /><att id=\"fileInProgress\" /><att id=\"userUid\"><val>55</val></att><att id=\"cursor\" /></obj>");
        assertThat(task.className()).isEqualTo("FileManagerBgTask");
        assertThat(task.attributes()).hasSize(18);
        assertThat(task.requireText("status")).isEqualTo("completed");
        assertThat(task.isNull("cursor")).isTrue();
    }

    @Test
    void uploadAndSnapshotPairsOfSection72() {
        XmlObject upload = decodeObject("<obj><att id=\"rc\"><val>0</val></att><att id=\"msg\"><val>OK</val></att></obj>");
        assertThat(upload.text("msg")).isEqualTo("OK");
        XmlList snapshots = (XmlList) decode("<list><obj class=\"SnapshotResp\"><att id=\"url\"><val>/ServicesPortal/webdav</val></att><att id=\"path\"><val>/My Files/a.txt</val></att><att id=\"current\"><val>true</val></att><att id=\"startTimestamp\"><val>2024-05-01T10:00:00</val></att><att id=\"calculatedTimestamp\"><val>2024-05-01T10:05:00</val></att></obj></list>");
        assertThat(((XmlObject) snapshots.items().get(0)).text("path")).isEqualTo("/My Files/a.txt");
    }

    @Test
    void emptyBodyIsNoValue() {
        assertThat(this.codec.decode(new byte[0])).isNull();
        assertThat(this.codec.decode(" \r\n\t ".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void nullAttributeEmptyTextAndEmptyListAreThreeDifferentThings() {
        XmlObject object = decodeObject("<obj><att id=\"n\" /><att id=\"e\"><val /></att><att id=\"s\"><val></val></att><att id=\"l\"><list /></att><att id=\"o\"><obj /></att></obj>");
        assertThat(object.value("n")).isSameAs(XmlNull.INSTANCE);
        assertThat(object.value("e")).isEqualTo(XmlText.of(""));
        assertThat(object.value("s")).isEqualTo(XmlText.of(""));
        assertThat(object.value("l")).isEqualTo(XmlList.empty());
        assertThat(object.value("o")).isEqualTo(new XmlObject(null, null, java.util.Map.of()));
        assertThat(object.has("absent")).isFalse();
    }

    @Test
    void textIsKeptExactlyIncludingSurroundingSpaces() {
        assertThat(decode("<val>  a b  </val>")).isEqualTo(XmlText.of("  a b  "));
        assertThat(decode("<val> </val>")).isEqualTo(XmlText.of(" "));
    }

    @Test
    void escapedTextAndCdataAreUnescaped() {
        assertThat(decode("<val>a&lt;b&amp;c&gt;d&quot;&apos;&#65;&#x42;</val>")).isEqualTo(XmlText.of("a<b&c>d\"'AB"));
        assertThat(decode("<val><![CDATA[<raw & text>]]></val>")).isEqualTo(XmlText.of("<raw & text>"));
        XmlObject object = decodeObject("<obj class=\"a&amp;b\" uuid=\"u&quot;1\"><att id=\"x&lt;y\"><val>1</val></att></obj>");
        assertThat(object.className()).isEqualTo("a&b");
        assertThat(object.uuid()).isEqualTo("u\"1");
        assertThat(object.has("x<y")).isTrue();
    }

    @Test
    void nonAsciiTextIsReadAsUtf8() {
        assertThat(decode("<val>שלום עולם 😀</val>")).isEqualTo(XmlText.of("שלום עולם 😀"));
        assertThat(decode("<?xml version=\"1.0\" encoding=\"UTF-8\"?><val>ü</val>")).isEqualTo(XmlText.of("ü"));
    }

    @Test
    void whitespaceCommentsAndAttributesOfListsAreIgnored() {
        XmlObject object = decodeObject("""
                <?xml version="1.0"?>
                <!-- a pretty-printed answer -->
                <obj class="StatusObj">
                  <att id="disks">
                    <list key="name">
                      <obj class="DiskStatus" uuid="d-1"><att id="name"><val>disk1</val></att></obj>
                      <?pi ignored?>
                    </list>
                  </att>
                  <att id="nothing" />
                </obj>
                """);
        XmlObject disk = (XmlObject) object.list("disks").get(0);
        assertThat(disk.uuid()).isEqualTo("d-1");
        assertThat(disk.text("name")).isEqualTo("disk1");
        assertThat(object.isNull("nothing")).isTrue();
    }

    @Test
    void nestedListsAreRead() {
        XmlList outer = (XmlList) decode("<list><list><val>a</val><list /></list><obj><att id=\"l\"><list><list><val>b</val></list></list></att></obj></list>");
        assertThat(outer.items()).containsExactly(
                XmlList.of(XmlText.of("a"), XmlList.empty()),
                XmlObject.builder().put("l", XmlList.of(XmlList.ofTexts("b"))).build());
    }

    @Test
    void duplicateAttributeKeepsTheLastValueLikeTheSdk() {
        XmlObject object = decodeObject("<obj><att id=\"a\"><val>1</val></att><att id=\"b\" /><att id=\"a\"><val>2</val></att></obj>");
        assertThat(object.text("a")).isEqualTo("2");
    }

    @Test
    void roundTripsPreserveEveryValue() {
        XmlObject original = XmlObject.builder("PortalUser").uuid("u-1")
            .put("name", "alice & <bob> \"quoted\" 'single'")
            .put("hebrew", "שלום")
            .put("emoji", "📁 files 😀")
            .put("lines", "a\nb\tc")
            .put("empty", "")
            .putNull("nothing")
            .put("nested", XmlList.of(XmlList.ofTexts("x", ""), XmlObject.builder().build(), XmlList.empty()))
            .put("object", XmlObject.builder("Inner").put("flag", false).put("count", 42L).build())
            .build();
        byte[] encoded = this.codec.encode(original);
        assertThat(this.codec.decode(encoded)).isEqualTo(original);
        assertThat(this.codec.decode(this.codec.encode(XmlList.empty()))).isEqualTo(XmlList.empty());
    }

    @Test
    void carriageReturnsInTextAreNormalizedByXmlItselfAsTheSdkWritesThemRaw() {
        assertThat(this.codec.encodeToString(XmlText.of("a\r\nb"))).isEqualTo("<val>a\r\nb</val>");
        assertThat(this.codec.decode(this.codec.encode(XmlText.of("a\r\nb")))).isEqualTo(XmlText.of("a\nb"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<obj><att id=\"a\"><val>1</val></att>",
            "<obj><att id=\"a\"><val>1</val>",
            "<obj><att id=\"a\"><val>1",
            "<obj><att id=\"a\"",
            "<obj",
            "<list><val>a</val>" })
    void truncatedBodiesAreMalformed(String body) {
        assertThatExceptionOfType(MalformedXmlException.class)
            .isThrownBy(() -> this.codec.decode(body.getBytes(StandardCharsets.UTF_8)))
            .satisfies(ex -> assertThat(ex.line()).isEqualTo(1))
            .withMessageContaining("line 1");
    }

    @Test
    void mismatchedTagsAreMalformed() {
        assertThatThrownBy(() -> decode("<obj><att id=\"a\"><val>1</att></obj>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("well-formed");
    }

    @Test
    void trailingContentIsMalformed() {
        assertThatThrownBy(() -> decode("<val>a</val><val>b</val>"))
            .isInstanceOf(MalformedXmlException.class);
        assertThatThrownBy(() -> decode("<val>a</val>garbage"))
            .isInstanceOf(MalformedXmlException.class);
    }

    @Test
    void wrongShapesNameWhatWasExpectedAndWhere() {
        assertThatThrownBy(() -> decode("<obj><val>1</val></obj>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected <att> or </obj>, found <val>")
            .hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> decode("<obj><att><val>1</val></att></obj>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected an id on <att>");
        assertThatThrownBy(() -> decode("<obj><att id=\"a\"><val>1</val><val>2</val></att></obj>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected </att> after the attribute's value, found <val>");
        assertThatThrownBy(() -> decode("<obj><att id=\"a\">loose text</att></obj>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("found text");
        assertThatThrownBy(() -> decode("<val><obj /></val>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected text or </val>, found <obj>");
        assertThatThrownBy(() -> decode("<html><body>Login</body></html>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected <obj>, <list> or <val>, found <html>");
        assertThatThrownBy(() -> decode("<list><att id=\"a\" /></list>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected <obj>, <val> or </list>, found <att>");
        assertThatThrownBy(() -> decode("not xml at all"))
            .isInstanceOf(MalformedXmlException.class);
    }

    @Test
    void errorMessagesNeverQuoteTheTextOfValues() {
        assertThatThrownBy(() -> decode("<obj><att id=\"password\">s3cr3t-value</att></obj>"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> decodeObject("<obj><att id=\"password\"><val>s3cr3t-value</val></att></obj>").object("password"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void hostileNestingIsRefusedWithoutStackOverflow() {
        String deep = "<list>".repeat(100_000) + "</list>".repeat(100_000);
        assertThatThrownBy(() -> decode(deep))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("nested elements");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("ctera-xxe", ".txt");
        try {
            java.nio.file.Files.writeString(secret, "TOP-SECRET");
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE val [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                    + "\">]><val>&xxe;</val>";
            assertThatThrownBy(() -> decode(xxe))
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageNotContaining("TOP-SECRET");
        }
        finally {
            java.nio.file.Files.deleteIfExists(secret);
        }
    }

    @Test
    void internalEntityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE val [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><val>&b;</val>";
        assertThatThrownBy(() -> decode(laughs)).isInstanceOf(MalformedXmlException.class);
    }

    @Test
    void aFailingStreamIsAnIoErrorNotMalformedXml() {
        InputStream failing = new InputStream() {

            private final InputStream start = new ByteArrayInputStream("<obj><att id=\"a\">".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                int next = this.start.read();
                if (next == -1) {
                    throw new IOException("connection reset");
                }
                return next;
            }
        };
        assertThatExceptionOfType(UncheckedIOException.class)
            .isThrownBy(() -> this.codec.decode(failing))
            .withRootCauseInstanceOf(IOException.class);
    }
}
