package com.ctera.simulator;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Webdav hrefs ({@code /{ctx}/webdav/My%20Files/a.txt}) to path segments and back. Decoding is lenient: a
 * {@code %} not followed by two hex digits is kept as it is, so the unencoded whole-folder zip path (protocol §9.7)
 * reads the same as an encoded one.
 */
final class WebdavPath {

    private WebdavPath() {
    }

    /** The prefix of every href in the context, e.g. {@code /ServicesPortal/webdav}. */
    static String root(PortalContext context) {
        return "/" + context.path() + "/webdav";
    }

    /**
     * The segments of an href (or of an absolute URL, as upload's {@code fullpath}), or null when it is not under
     * the context's webdav root.
     */
    static @Nullable List<String> segments(PortalContext context, String href) {
        String path = href.trim();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            try {
                path = URI.create(path.replace(" ", "%20")).getRawPath();
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
            if (path == null) {
                return null;
            }
        }
        String root = root(context);
        if (!path.equals(root) && !path.startsWith(root + "/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.substring(root.length()).split("/")) {
            if (!raw.isEmpty()) {
                segments.add(decode(raw));
            }
        }
        return segments;
    }

    /** The encoded href of the segments. */
    static String href(PortalContext context, List<String> segments) {
        StringBuilder out = new StringBuilder(root(context));
        for (String segment : segments) {
            out.append('/').append(encode(segment));
        }
        return out.toString();
    }

    /** Percent-encodes like Python's {@code urllib.parse.quote} with {@code /} excluded (a single segment). */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            }
            else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int literalStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.writeBytes(text.substring(literalStart, i).getBytes(StandardCharsets.UTF_8));
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
                literalStart = i + 1;
            }
        }
        bytes.writeBytes(text.substring(literalStart).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
