package com.ctera.client.protocol;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The writer rules of protocol §1.3 beyond the captured requests: empties, nulls, escaping, encoding. */
class XmlCodecEncodeTest {

    private final XmlCodec codec = new XmlCodec();

    @Test
    void nullIsAnEmptyBody() {
        assertThat(this.codec.encode(null)).isEmpty();
        assertThat(this.codec.encode(XmlNull.INSTANCE)).isEmpty();
        assertThat(this.codec.encodeToString(null)).isEmpty();
    }

    @Test
    void emptyElementsUseTheShortForm() {
        assertThat(this.codec.encodeToString(XmlObject.builder().build())).isEqualTo("<obj />");
        assertThat(this.codec.encodeToString(XmlObject.builder("PortalUser").uuid("u").build()))
            .isEqualTo("<obj class=\"PortalUser\" uuid=\"u\" />");
        assertThat(this.codec.encodeToString(XmlList.empty())).isEqualTo("<list />");
        assertThat(this.codec.encodeToString(XmlText.of(""))).isEqualTo("<val />");
        assertThat(this.codec.encodeToString(XmlObject.builder().putNull("x").build()))
            .isEqualTo("<obj><att id=\"x\" /></obj>");
    }

    @Test
    void topLevelScalarsAndListsAreWrittenAlone() {
        assertThat(this.codec.encodeToString(XmlText.of(false))).isEqualTo("<val>false</val>");
        assertThat(this.codec.encodeToString(XmlText.of(-7L))).isEqualTo("<val>-7</val>");
        assertThat(this.codec.encodeToString(XmlList.ofTexts("a", "")))
            .isEqualTo("<list><val>a</val><val /></list>");
    }

    @Test
    void textEscapesOnlyAmpersandAndAngleBracketsLikeElementTree() {
        assertThat(this.codec.encodeToString(XmlText.of("a<b&c>d\"e'f\tg\nh")))
            .isEqualTo("<val>a&lt;b&amp;c&gt;d\"e'f\tg\nh</val>");
    }

    @Test
    void attributeValuesAlsoEscapeQuotesAndWhitespaceControls() {
        XmlObject object = XmlObject.builder("a&b<c>\"d\"\r\n\te").uuid("'u'").put("i\"d", "v").build();
        assertThat(this.codec.encodeToString(object))
            .isEqualTo("<obj class=\"a&amp;b&lt;c&gt;&quot;d&quot;&#13;&#10;&#09;e\" uuid=\"'u'\"><att id=\"i&quot;d\"><val>v</val></att></obj>");
    }

    @Test
    void nonAsciiIsWrittenAsUtf8NotAsCharacterReferences() {
        XmlText text = XmlText.of("שלום 😀");
        assertThat(this.codec.encodeToString(text)).isEqualTo("<val>שלום 😀</val>");
        byte[] bytes = this.codec.encode(text);
        assertThat(bytes).isEqualTo("<val>שלום 😀</val>".getBytes(StandardCharsets.UTF_8));
        // The emoji is one 4-byte UTF-8 sequence, not two encoded surrogates.
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("😀");
        assertThat(bytes).containsSequence((byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80);
    }

    @Test
    void attributeOrderIsInsertionOrderAndReplacingKeepsThePlace() {
        XmlObject object = XmlObject.builder().put("b", "1").put("a", "2").put("b", "3").build();
        assertThat(this.codec.encodeToString(object))
            .isEqualTo("<obj><att id=\"b\"><val>3</val></att><att id=\"a\"><val>2</val></att></obj>");
    }

    @Test
    void charactersXmlCannotCarryAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encode(XmlText.of("bell\u0007")))
            .withMessageContaining("U+0007");
        assertThatIllegalArgumentException().isThrownBy(() -> this.codec.encode(XmlList.of(XmlNull.INSTANCE)))
            .withMessageContaining("null");
    }
}
