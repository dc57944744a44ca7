package com.ctera.client.files;

import org.junit.jupiter.api.Test;

import com.ctera.client.PortalContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User paths and their webdav hrefs (protocol §5.4.1), quoted as Python's {@code urllib.parse.quote}. */
class PortalPathTest {

    @Test
    void hrefsArePercentEncodedLikeTheSdk() {
        PortalPath path = PortalPath.of("My Files/docs/a.txt");
        assertThat(path.href(PortalContext.SERVICES_PORTAL)).isEqualTo("/ServicesPortal/webdav/My%20Files/docs/a.txt");
        assertThat(path.unencodedHref(PortalContext.SERVICES_PORTAL))
                .isEqualTo("/ServicesPortal/webdav/My Files/docs/a.txt");
        assertThat(PortalPath.of("Users/John Smith/My Files").href(PortalContext.ADMIN))
                .isEqualTo("/admin/webdav/Users/John%20Smith/My%20Files");
        assertThat(PortalPath.quote("a-b_c.d~e/f+g&h%é#")).isEqualTo("a-b_c.d~e/f%2Bg%26h%25%C3%A9%23");
    }

    @Test
    void readsHrefsBackAndNormalizesSlashes() {
        assertThat(PortalPath.fromHref("/ServicesPortal/webdav/My%20Files/docs/a.txt").relative())
                .isEqualTo("My Files/docs/a.txt");
        assertThat(PortalPath.fromHref("/ServicesPortal/webdav/My%20Files/sub/").relative())
                .isEqualTo("My Files/sub");
        assertThat(PortalPath.fromHref("/ServicesPortal/webdav").isRoot()).isTrue();
        assertThat(PortalPath.of("//My Files//a/")).isEqualTo(PortalPath.of("My Files/a"));
        assertThat(PortalPath.of("My Files/a/b").prefixes()).extracting(PortalPath::relative)
                .containsExactly("My Files", "My Files/a", "My Files/a/b");
        assertThat(PortalPath.of("My Files/a").child("b c").parent()).isEqualTo(PortalPath.of("My Files/a"));
    }

    @Test
    void refusesDotSegments() {
        assertThatThrownBy(() -> PortalPath.of("My Files/../other")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> PortalPath.of("").parent()).isInstanceOf(IllegalStateException.class);
    }
}
