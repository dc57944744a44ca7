package com.ctera.client.protocol;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cursor on a shape other than a query page: the folder listing {@code {root, items, hasMore, errorType}}. */
class XmlCursorTest {

    private static final String LISTING = """
            <obj class="FetchResourcesResponse">
              <att id="root"><obj class="ResourceInfo"><att id="name"><val>docs</val></att><att id="isFolder"><val>true</val></att></obj></att>
              <att id="items"><list>
                <obj class="ResourceInfo"><att id="name"><val>a.txt</val></att><att id="size"><val>11</val></att></obj>
                <obj class="ResourceInfo"><att id="name"><val>b.txt</val></att><att id="size"><val>12</val></att></obj>
              </list></att>
              <att id="hasMore"><val>false</val></att>
              <att id="errorType" />
            </obj>
            """;

    private final XmlCodec codec = new XmlCodec();

    private XmlCursor open(String xml) {
        return this.codec.openCursor(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void streamsAListingAttributeByAttribute() {
        List<String> names = new ArrayList<>();
        String rootName = null;
        boolean hasMore = true;
        String errorType = "unset";
        try (XmlCursor cursor = open(LISTING)) {
            assertThat(cursor.beginRootObject()).isEqualTo("FetchResourcesResponse");
            for (String att = cursor.nextAttribute(); att != null; att = cursor.nextAttribute()) {
                switch (att) {
                    case "root" -> {
                        assertThat(cursor.beginObject()).isTrue();
                        assertThat(cursor.className()).isEqualTo("ResourceInfo");
                        for (String inner = cursor.nextAttribute(); inner != null; inner = cursor.nextAttribute()) {
                            if (inner.equals("name")) {
                                rootName = cursor.readText();
                            }
                        }
                    }
                    case "items" -> {
                        assertThat(cursor.beginList()).isTrue();
                        for (XmlObject item = cursor.nextObjectItem(); item != null; item = cursor.nextObjectItem()) {
                            names.add(item.requireText("name"));
                        }
                    }
                    case "hasMore" -> hasMore = cursor.readBoolean();
                    case "errorType" -> errorType = cursor.readText();
                    default -> throw new AssertionError(att);
                }
            }
            cursor.finish();
        }
        assertThat(rootName).isEqualTo("docs");
        assertThat(names).containsExactly("a.txt", "b.txt");
        assertThat(hasMore).isFalse();
        assertThat(errorType).isNull();
    }

    @Test
    void unreadValuesAreSkippedAndNullContainersReportFalse() {
        try (XmlCursor cursor = open("<obj><att id=\"root\" /><att id=\"items\"><list><obj /></list></att><att id=\"errorType\"><val>DestinationNotExists</val></att></obj>")) {
            cursor.beginRootObject();
            assertThat(cursor.nextAttribute()).isEqualTo("root");
            assertThat(cursor.beginObject()).isFalse();
            assertThat(cursor.nextAttribute()).isEqualTo("items");
            assertThat(cursor.nextAttribute()).isEqualTo("errorType");
            assertThat(cursor.readValue()).isEqualTo(XmlText.of("DestinationNotExists"));
            assertThat(cursor.nextAttribute()).isNull();
            cursor.finish();
        }
    }

    @Test
    void aRootListIsReadItemByItem() {
        try (XmlCursor cursor = open("<list><obj class=\"SnapshotResp\" /><val>x</val></list>")) {
            cursor.beginRootList();
            assertThat(cursor.nextItem()).isEqualTo(XmlObject.builder("SnapshotResp").build());
            assertThat(cursor.nextItem()).isEqualTo(XmlText.of("x"));
            assertThat(cursor.nextItem()).isNull();
            cursor.finish();
        }
    }

    @Test
    void anEmptyBodyIsVisibleAndRefusedWhereAnObjectIsRequired() {
        try (XmlCursor cursor = open("")) {
            assertThat(cursor.isEmpty()).isTrue();
            assertThatThrownBy(cursor::beginRootObject)
                .isInstanceOf(MalformedXmlException.class)
                .hasMessage("expected <obj> as the root element, found an empty body");
        }
    }

    @Test
    void wrongShapesAreMalformedWithTheAttributeName() {
        try (XmlCursor cursor = open("<obj><att id=\"items\"><val>x</val></att></obj>")) {
            cursor.beginRootObject();
            cursor.nextAttribute();
            assertThatThrownBy(cursor::beginList)
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageContaining("expected <list> in attribute 'items', found <val>");
        }
        try (XmlCursor cursor = open("<obj><att id=\"hasMore\"><obj /></att></obj>")) {
            cursor.beginRootObject();
            cursor.nextAttribute();
            assertThatThrownBy(cursor::readBoolean)
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageContaining("expected <val> in attribute 'hasMore', found <obj>");
        }
        try (XmlCursor cursor = open("<list />")) {
            assertThatThrownBy(cursor::beginRootObject)
                .isInstanceOf(MalformedXmlException.class)
                .hasMessageContaining("expected <obj>, found <list>");
        }
    }

    @Test
    void finishRefusesContentAfterTheRoot() {
        try (XmlCursor cursor = open("<obj /><obj />")) {
            cursor.beginRootObject();
            assertThat(cursor.nextAttribute()).isNull();
            assertThatThrownBy(cursor::finish).isInstanceOf(MalformedXmlException.class);
        }
    }

    @Test
    void misuseIsAProgrammingErrorNotAProtocolError() {
        try (XmlCursor cursor = open("<obj><att id=\"a\"><val>1</val></att></obj>")) {
            assertThatIllegalStateException().isThrownBy(cursor::nextAttribute);
            cursor.beginRootObject();
            assertThatIllegalStateException().isThrownBy(cursor::readValue);
            assertThatIllegalStateException().isThrownBy(cursor::nextItem);
            assertThatIllegalStateException().isThrownBy(cursor::beginRootObject);
        }
    }
}
