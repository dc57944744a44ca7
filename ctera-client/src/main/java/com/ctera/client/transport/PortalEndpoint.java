package com.ctera.client.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.ctera.client.PortalContext;

/** Where one portal's management API lives; builds {@code {base}/{ctx}/api/...} URIs with each segment encoded. */
public record PortalEndpoint(URI baseUrl, PortalContext context) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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
            appendSegment(uri.append('/'), segment);
        }
        return URI.create(uri.toString());
    }

    /**
     * The URI of a node below the context root, {@code {base}/{ctx}/{rawPath}}.
     * @param rawPath a path that is already percent-encoded where it needs to be, such as
     * {@code webdav/My%20Files/a.txt} or {@code upload/folders/123}; it is appended as it is
     */
    public URI contextPath(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return URI.create(this.baseUrl + "/" + this.context.path() + "/" + path);
    }

    /** The URI of a JSON v2 service node, {@code {base}/{ctx}/v2/api/...}; each segment is percent-encoded. */
    public URI v2Api(String... segments) {
        StringBuilder uri = new StringBuilder(this.baseUrl.toString()).append('/').append(this.context.path())
                .append("/v2/api");
        for (String segment : segments) {
            appendSegment(uri.append('/'), segment);
        }
        return URI.create(uri.toString());
    }

    /**
     * The base URL with its port always written, as the upload form's {@code fullpath} field carries it
     * ({@code {scheme}://{host}:{port}}, protocol §5.4.4).
     */
    public String originWithPort() {
        int port = this.baseUrl.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(this.baseUrl.getScheme()) ? 443 : 80;
        }
        String host = this.baseUrl.getHost();
        return this.baseUrl.getScheme() + "://" + host + ":" + port;
    }

    // Percent-encodes every byte of the segment's UTF-8 form that is not a path character of RFC 3986 (unreserved,
    // sub-delimiters, ':' and '@'), as Spring's UriUtils.encodePathSegment does; written here because Spring's
    // URI classes were some 25 classes loaded by every portal's first call.
    static StringBuilder appendSegment(StringBuilder uri, String segment) {
        int plain = 0;
        while (plain < segment.length() && isPathChar(segment.charAt(plain))) {
            plain++;
        }
        if (plain == segment.length()) {
            return uri.append(segment);
        }
        uri.append(segment, 0, plain);
        for (byte b : segment.substring(plain).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isPathChar(c)) {
                uri.append(c);
            }
            else {
                uri.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return uri;
    }

    private static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }
}
