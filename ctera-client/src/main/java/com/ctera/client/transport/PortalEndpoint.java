package com.ctera.client.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

import com.ctera.client.PortalContext;

/** Where one portal's management API lives; builds {@code {base}/{ctx}/api/...} URIs with each segment encoded. */
public record PortalEndpoint(URI baseUrl, PortalContext context) {

    public PortalEndpoint {
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUrl = URI.create(text);
    }

    /**
     * The URI of an API node.
     * @param segments raw path segments below {@code /{ctx}/api}, such as {@code "users", "alice"}; each one is
     * percent-encoded, so a name with {@code /} or spaces stays one segment
     */
    public URI api(String... segments) {
        StringBuilder uri = new StringBuilder(this.baseUrl.toString()).append('/').append(this.context.path())
                .append("/api");
        for (String segment : segments) {
            uri.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return URI.create(uri.toString());
    }
}
