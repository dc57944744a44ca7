package com.ctera.simulator.xml;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class XmlReaderWriterTest {

    private final XmlReader reader = new XmlReader();

    private XmlValue read(String xml) {
        XmlValue value = this.reader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(value).isNotNull();
        return value;
    }

    @Test
    void writesTheProtocolExampleExactly() {
        XmlObj address = XmlObj.plain().put("city", "Tel Aviv").put("zip", "12345");
        XmlObj invitee = XmlObj.ofClass("Collaborator").put("type", "external").put("email", "x@y.com");
        XmlObj share = XmlObj.ofClass("ShareConfig").put("accessMode", "ReadOnly").put("invitee", invitee);
        XmlObj user = new XmlObj("PortalUser", "6f0e8c79-1111-2222-3333-444455556666")
            .put("name", "alice").put("uid", "55").put("ratio", "0.75").put("enabled", "true")
            .put("comment", (String) null)
            .put("tags", new XmlList(List.of(new XmlText("a"), new XmlText("b"))))
            .put("empty", new XmlList(List.of()))
            .put("address", address)
            .put("shares", new XmlList(List.of(share)));

        assertThat(XmlWriter.write(user)).isEqualTo("<obj class=\"PortalUser\" uuid=\"6f0e8c79-1111-2222-3333-444455556666\">"
                + "<att id=\"name\"><val>alice</val></att><att id=\"uid\"><val>55</val></att>"
                + "<att id=\"ratio\"><val>0.75</val></att><att id=\"enabled\"><val>true</val></att>"
                + "<att id=\"comment\" /><att id=\"tags\"><list><val>a</val><val>b</val></list></att>"
                + "<att id=\"empty\"><list /></att><att id=\"address\"><obj><att id=\"city\"><val>Tel Aviv</val></att>"
                + "<att id=\"zip\"><val>12345</val></att></obj></att><att id=\"shares\"><list><obj class=\"ShareConfig\">"
                + "<att id=\"accessMode\"><val>ReadOnly</val></att><att id=\"invitee\"><obj class=\"Collaborator\">"
                + "<att id=\"type\"><val>external</val></att><att id=\"email\"><val>x@y.com</val></att></obj></att>"
                + "</obj></list></att></obj>");
    }

    @Test
    void escapesTextAndAttributeValuesAndWritesEmptyValues() {
        assertThat(XmlWriter.write(new XmlText("a<b&c>d"))).isEqualTo("<val>a&lt;b&amp;c&gt;d</val>");
        assertThat(XmlWriter.write(new XmlText(""))).isEqualTo("<val />");
        assertThat(XmlWriter.write(XmlObj.ofClass("A\"B"))).isEqualTo("<obj class=\"A&quot;B\" />");
        assertThat(XmlWriter.write(null)).isEmpty();
    }

    @Test
    void readsWhatItWritesIncludingNullsAndEmptyStrings() {
        String xml = "<obj class=\"PortalUser\"><att id=\"comment\" /><att id=\"name\"><val>a&lt;b</val></att>"
                + "<att id=\"blank\"><val /></att><att id=\"list\"><list><val>x</val><obj /></list></att></obj>";
        XmlObj obj = (XmlObj) read(xml);
        assertThat(obj.className()).isEqualTo("PortalUser");
        assertThat(obj.has("comment")).isTrue();
        assertThat(obj.get("comment")).isNull();
        assertThat(obj.text("name")).contains("a<b");
        assertThat(obj.text("blank")).contains("");
        assertThat(((XmlList) obj.get("list")).items()).hasSize(2);
        assertThat(XmlWriter.write(obj)).isEqualTo(xml);
    }

    @Test
    void toleratesWhitespaceBetweenElementsAndADeclaration() {
        XmlObj obj = (XmlObj) read("<?xml version=\"1.0\"?>\n<obj>\n  <att id=\"a\">\n    <val>1</val>\n  </att>\n</obj>\n");
        assertThat(obj.text("a")).contains("1");
    }

    @Test
    void anEmptyBodyIsNoValue() {
        assertThat(this.reader.read(new byte[0])).isNull();
        assertThat(this.reader.read(" \n".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void rejectsMalformedDocuments() {
        for (String bad : List.of("<obj><att id=\"a\"><val>1</val></obj>", "<foo />", "<obj><att><val>1</val></att></obj>",
                "<obj>text</obj>", "<val>1</val><val>2</val>", "not xml",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><val>&e;</val>")) {
            assertThatExceptionOfType(MalformedXmlException.class).as(bad)
                .isThrownBy(() -> this.reader.read(bad.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
