package com.ctera.client.files;

import org.junit.jupiter.api.Test;

import com.ctera.client.protocol.XmlList;
import com.ctera.client.protocol.XmlObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One check for names from callers and from the portal (issue 21): nothing escapes its folder, no NUL is sent. */
class FileNamesTest {

    @Test
    void aListingNamingAnItemOutsideItsFolderIsRefused() {
        XmlObject hostile = resource("/ServicesPortal/webdav/My%20Files/x", "../../../../tmp/x");
        assertThatThrownBy(() -> FileMapper.toFile(hostile))
                .isInstanceOfSatisfying(InvalidFileNameException.class,
                        refused -> assertThat(refused.origin()).isEqualTo(InvalidFileNameException.Origin.PORTAL))
                .hasMessageContaining("the portal sent the name '../../../../tmp/x'");
        assertThatThrownBy(() -> FileMapper.toListing(XmlObject.builder("FetchResourcesResponse")
                .put("items", new XmlList(java.util.List.of(hostile))).build()))
                .isInstanceOf(InvalidFileNameException.class);
        for (String name : new String[] { "..", ".", "a\\b", "nul\u0000here", "bell\u0007" }) {
            assertThatThrownBy(() -> FileMapper.toFile(resource("/ServicesPortal/webdav/My%20Files/x", name)))
                    .as(name).isInstanceOf(InvalidFileNameException.class);
        }
    }

    @Test
    void anHrefWithParentSegmentsOrControlCharactersIsRefused() {
        assertThatThrownBy(() -> PortalPath.fromHref("/ServicesPortal/webdav/My%20Files/%2E%2E/%2E%2E/etc"))
                .isInstanceOf(InvalidFileNameException.class);
        assertThatThrownBy(() -> PortalPath.fromHref("/ServicesPortal/webdav/My%20Files/a%00b"))
                .isInstanceOf(InvalidFileNameException.class).hasMessageContaining("U+0000");
        assertThat(FileMapper.toFile(resource("/ServicesPortal/webdav/My%20Files/a%20b.txt", "a b.txt")).name())
                .isEqualTo("a b.txt");
    }

    @Test
    void callersNamesAndPathsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> PortalPath.of("My Files/a\u0000b")).isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("\\u0000").hasMessageNotContaining("\u0000");
        assertThatThrownBy(() -> PortalPath.of("My Files/../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> FileNames.requireValid("a\nb")).isInstanceOf(InvalidFileNameException.class);
        assertThatThrownBy(() -> FileNames.requireValid("a/b")).isInstanceOf(InvalidFileNameException.class);
        assertThat(FileNames.requireValid("fine name (1).txt")).isEqualTo("fine name (1).txt");
        assertThat(new InvalidFileNameException(InvalidFileNameException.Origin.CALLER, "x").origin())
                .isEqualTo(InvalidFileNameException.Origin.CALLER);
    }

    private static XmlObject resource(String href, String name) {
        return XmlObject.builder("ResourceInfo").put("href", href).put("name", name).put("isFolder", false).build();
    }
}
