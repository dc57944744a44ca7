package com.ctera.client.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

import com.ctera.client.PortalContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Path segments are encoded exactly as Spring's {@code UriUtils.encodePathSegment} encodes them. */
class PortalEndpointTest {

    @Test
    void encodesEachSegmentAsSpringDoes() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            every.append(c);
        }
        List<String> segments = List.of("alice", "a b/c", "morgan.reed@acme.example.com", "100%", "Ünïcødé 文件",
                "x?y#z[1]{2}", "emoji \uD83D\uDE00", "~-._!$&'()*+,;=:@", "", every.toString());
        for (String segment : segments) {
            assertThat(PortalEndpoint.appendSegment(new StringBuilder(), segment).toString())
                .as("segment %s", segment)
                .isEqualTo(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
    }

    @Test
    void buildsApiAndV2Uris() {
        PortalEndpoint endpoint = new PortalEndpoint(URI.create("https://portal.example.com//"), PortalContext.ADMIN);
        assertThat(endpoint.api("users", "a b")).hasToString("https://portal.example.com/admin/api/users/a%20b");
        assertThat(endpoint.v2Api("events", "x/y")).hasToString("https://portal.example.com/admin/v2/api/events/x%2Fy");
    }
}
