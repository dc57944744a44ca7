package com.ctera.client.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriUtils;

import com.ctera.client.PortalContext;

/**
 * A path in the portal's file tree as users write it, relative to the session's root, such as
 * {@code My Files/docs/a.txt} (a global administrator starts at {@code Users/<owner>/...}). On the wire it becomes
 * the absolute, percent-encoded webdav href {@code /ServicesPortal/webdav/My%20Files/docs/a.txt} (protocol §5.4.1).
 */
public final class PortalPath {

    private static final String HEX = "0123456789ABCDEF";

    private final List<String> segments;

    private PortalPath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Reads a user path; leading, trailing and repeated {@code /} are ignored.
     * @throws InvalidFileNameException for {@code .} or {@code ..} segments, which the portal does not resolve, and
     * for NUL or other control characters
     */
    public static PortalPath of(String path) {
        return of(path, InvalidFileNameException.Origin.CALLER);
    }

    /**
     * Reads the href the portal wrote in a {@code ResourceInfo}, with or without the {@code /{ctx}/webdav} prefix.
     * @throws InvalidFileNameException for a segment that could escape its folder ({@code ..}, a control character)
     */
    public static PortalPath fromHref(String href) {
        String decoded = UriUtils.decode(href, StandardCharsets.UTF_8);
        int webdav = decoded.indexOf("/webdav/");
        String relative;
        if (webdav >= 0) {
            relative = decoded.substring(webdav + "/webdav/".length());
        }
        else if (decoded.endsWith("/webdav")) {
            relative = "";
        }
        else {
            relative = decoded;
        }
        return of(relative, InvalidFileNameException.Origin.PORTAL);
    }

    private static PortalPath of(String path, InvalidFileNameException.Origin origin) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.replace('\\', '/').split("/")) {
            if (!segment.isEmpty()) {
                segments.add(FileNames.requireSafe(segment, origin));
            }
        }
        return new PortalPath(segments);
    }

    /** Whether this is the root of the tree. */
    public boolean isRoot() {
        return this.segments.isEmpty();
    }

    /** The last segment; empty for the root. */
    public String name() {
        return this.segments.isEmpty() ? "" : this.segments.get(this.segments.size() - 1);
    }

    /**
     * The folder holding this item.
     * @throws IllegalStateException for the root
     */
    public PortalPath parent() {
        if (this.segments.isEmpty()) {
            throw new IllegalStateException("the root has no parent");
        }
        return new PortalPath(this.segments.subList(0, this.segments.size() - 1));
    }

    /** The item named {@code name} inside this folder. */
    public PortalPath child(String name) {
        List<String> next = new ArrayList<>(this.segments);
        next.addAll(of(name).segments);
        return new PortalPath(next);
    }

    /** Every ancestor from the first segment down to this path itself, for creating folders with parents. */
    public List<PortalPath> prefixes() {
        List<PortalPath> prefixes = new ArrayList<>();
        for (int i = 1; i <= this.segments.size(); i++) {
            prefixes.add(new PortalPath(this.segments.subList(0, i)));
        }
        return prefixes;
    }

    /** The path as users write it, segments joined with {@code /}. */
    public String relative() {
        return String.join("/", this.segments);
    }

    /** The absolute, percent-encoded webdav href, as every file call carries it. */
    public String href(PortalContext context) {
        String base = "/" + context.path() + "/webdav";
        return this.segments.isEmpty() ? base : base + "/" + quote(relative());
    }

    /** The absolute webdav href without percent-encoding: the whole-folder zip request writes it so. */
    public String unencodedHref(PortalContext context) {
        String base = "/" + context.path() + "/webdav";
        return this.segments.isEmpty() ? base : base + "/" + relative();
    }

    // The SDK quotes with Python's urllib.parse.quote: letters, digits, "_.-~" and "/" stay, every other UTF-8
    // byte becomes %XX.
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-' || c == '~' || c == '/';
            if (safe) {
                out.append((char) c);
            }
            else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalPath path && path.segments.equals(this.segments);
    }

    @Override
    public int hashCode() {
        return this.segments.hashCode();
    }

    @Override
    public String toString() {
        return relative();
    }
}
