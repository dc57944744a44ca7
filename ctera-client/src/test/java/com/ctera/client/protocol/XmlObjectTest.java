package com.ctera.client.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The accessors and builder of the value model. */
class XmlObjectTest {

    private final XmlObject user = XmlObject.builder("PortalUser")
        .uuid("u-1")
        .put("name", "alice")
        .put("uid", 55)
        .put("enabled", true)
        .putNull("comment")
        .put("tags", XmlList.ofTexts("a", "b"))
        .put("address", XmlObject.builder().put("city", "Tel Aviv").build())
        .build();

    @Test
    void builderWritesClassUuidAndTypedValues() {
        assertThat(this.user.className()).isEqualTo("PortalUser");
        assertThat(this.user.uuid()).isEqualTo("u-1");
        assertThat(this.user.attributes()).containsExactly(
                Map.entry("name", XmlText.of("alice")),
                Map.entry("uid", XmlText.of("55")),
                Map.entry("enabled", XmlText.of("true")),
                Map.entry("comment", XmlNull.INSTANCE),
                Map.entry("tags", new XmlList(List.of(XmlText.of("a"), XmlText.of("b")))),
                Map.entry("address", new XmlObject(null, null, Map.of("city", XmlText.of("Tel Aviv")))));
    }

    @Test
    void textAccessorsDistinguishAbsentNullAndPresent() {
        assertThat(this.user.text("name")).isEqualTo("alice");
        assertThat(this.user.text("comment")).isNull();
        assertThat(this.user.text("absent")).isNull();
        assertThat(this.user.optionalText("name")).contains("alice");
        assertThat(this.user.optionalText("comment")).isEqualTo(Optional.empty());
        assertThat(this.user.has("comment")).isTrue();
        assertThat(this.user.has("absent")).isFalse();
        assertThat(this.user.isNull("comment")).isTrue();
        assertThat(this.user.isNull("name")).isFalse();
        assertThat(this.user.isNull("absent")).isFalse();
    }

    @Test
    void requiredAccessorsExplainWhatIsMissing() {
        assertThat(this.user.requireText("name")).isEqualTo("alice");
        assertThatThrownBy(() -> this.user.requireText("comment"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessage("expected <val> in attribute 'comment' of <obj class=\"PortalUser\">, found it null");
        assertThatThrownBy(() -> this.user.requireObject("absent"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessage("expected <obj> in attribute 'absent' of <obj class=\"PortalUser\">, found it absent");
    }

    @Test
    void containerAccessors() {
        assertThat(this.user.object("address").text("city")).isEqualTo("Tel Aviv");
        assertThat(this.user.object("comment")).isNull();
        assertThat(this.user.object("absent")).isNull();
        assertThat(this.user.list("tags")).containsExactly(XmlText.of("a"), XmlText.of("b"));
        assertThat(this.user.list("comment")).isEmpty();
        assertThat(this.user.list("absent")).isEmpty();
    }

    @Test
    void wrongShapesAreMalformedNotClassCastExceptions() {
        assertThatThrownBy(() -> this.user.text("address"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessage("expected <val> in attribute 'address' of <obj class=\"PortalUser\">, found <obj>");
        assertThatThrownBy(() -> this.user.text("tags"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("found <list>");
        assertThatThrownBy(() -> this.user.object("name"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected <obj> in attribute 'name'");
        assertThatThrownBy(() -> this.user.list("address"))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("expected <list> in attribute 'address'");
    }

    @Test
    void copiesLeaveTheOriginalUntouched() {
        XmlObject renamed = this.user.with("name", XmlText.of("bob")).with("extra", null).without("uid");
        assertThat(renamed.attributes().keySet())
            .containsExactly("name", "enabled", "comment", "tags", "address", "extra");
        assertThat(renamed.text("name")).isEqualTo("bob");
        assertThat(renamed.isNull("extra")).isTrue();
        assertThat(renamed.uuid()).isEqualTo("u-1");
        assertThat(this.user.text("name")).isEqualTo("alice");
        assertThat(this.user.has("uid")).isTrue();
    }

    @Test
    void builtObjectsAreImmutableAndIndependentOfTheBuilder() {
        XmlObject.Builder builder = XmlObject.builder().put("a", "1");
        XmlObject first = builder.build();
        builder.put("b", "2").remove("a");
        assertThat(first.attributes().keySet()).containsExactly("a");
        assertThat(builder.build().attributes().keySet()).containsExactly("b");
        assertThatThrownBy(() -> first.attributes().put("c", XmlNull.INSTANCE))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listAndTextFactories() {
        assertThat(XmlList.of(XmlText.of("a"), XmlList.empty()).items())
            .containsExactly(new XmlText("a"), new XmlList(List.of()));
        assertThat(XmlList.ofTexts(List.of("x", "y"))).isEqualTo(XmlList.ofTexts("x", "y"));
        assertThat(XmlText.of(true).text()).isEqualTo("true");
        assertThat(XmlText.of(12L).text()).isEqualTo("12");
    }

    @Test
    void toStringMasksSecretsAtAnyDepthButShowsTheRest() {
        XmlObject request = CallEnvelope.add(XmlObject.builder("PortalUser")
            .put("name", "newuser")
            .put("password", "P@ssw0rd!")
            .put("keys", XmlList.of(XmlObject.builder().put("secretKey", "S3CR3T").put("accessKey", "AK").build()))
            .putNull("oldPassword")
            .build());
        assertThat(request.toString())
            .doesNotContain("P@ssw0rd!")
            .doesNotContain("S3CR3T")
            .contains("name=\"newuser\"", "password=******", "secretKey=******", "accessKey=\"AK\"",
                    "oldPassword=null", "class=PortalUser");
        assertThat(List.of(request).toString()).doesNotContain("P@ssw0rd!");
    }

    @Test
    void wholeNumbersAreReadStrictlyAndNamedWhenMalformed() {
        XmlObject user = XmlObject.builder("PortalUser")
            .put("uid", " 55 ")
            .putNull("comment")
            .put("blank", "")
            .put("odd", "1.5")
            .build();
        assertThat(user.wholeNumber("uid")).isEqualTo(55L);
        assertThat(user.wholeNumber("comment")).isNull();
        assertThat(user.wholeNumber("blank")).isNull();
        assertThat(user.wholeNumber("absent")).isNull();
        assertThatThrownBy(() -> user.wholeNumber("odd")).isInstanceOf(MalformedXmlException.class)
            .hasMessageContaining("attribute 'odd' of PortalUser")
            .hasMessageNotContaining("1.5");
    }
}
