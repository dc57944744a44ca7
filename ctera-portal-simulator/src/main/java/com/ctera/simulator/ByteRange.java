package com.ctera.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The single byte range of a download's {@code Range} header (RFC 9110 §14): {@code bytes=N-}, {@code bytes=N-M} or
 * {@code bytes=-S} (the last S bytes), resolved against the file's size. Several ranges at once are not served: the
 * whole file is sent, which HTTP allows.
 * @param first offset of the first byte sent
 * @param last offset of the last byte sent, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** Result of reading a {@code Range} header against a file. */
    sealed interface Outcome {
    }

    /** Send the whole file with 200 (no range, an unreadable one, several, or an {@code If-Range} that failed). */
    record Whole() implements Outcome {
    }

    /** Send these bytes with 206. */
    record Part(ByteRange range) implements Outcome {
    }

    /** No byte of the file is in the range: 416. */
    record Unsatisfiable() implements Outcome {
    }

    long length() {
        return this.last - this.first + 1;
    }

    /**
     * @param header the {@code Range} header, or null
     * @param ifRange the {@code If-Range} header, or null; a range is served only if it names the current entity tag
     * @param etag the file's current entity tag
     * @param size the file's size
     */
    static Outcome resolve(@Nullable String header, @Nullable String ifRange, String etag, long size) {
        if (header == null || (ifRange != null && !ifRange.equals(etag))) {
            return new Whole();
        }
        Matcher matcher = SINGLE.matcher(header.trim());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            return new Whole();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0 || size == 0) {
                    return new Unsatisfiable();
                }
                return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(matcher.group(2)));
            if (first >= size) {
                return new Unsatisfiable();
            }
            if (last < first) {
                return new Whole();
            }
            return new Part(new ByteRange(first, last));
        }
        catch (NumberFormatException tooLarge) {
            return new Whole();
        }
    }
}
