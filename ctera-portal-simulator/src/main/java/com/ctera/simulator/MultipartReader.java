package com.ctera.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * Reads a {@code multipart/form-data} body as it arrives, one buffer at a time: form fields are collected and handed
 * over whole, a file part's bytes are handed over in slices of the buffers received, never copied. The delimiter is
 * searched for with Boyer-Moore-Horspool, which on file bytes reads about one byte in every delimiter length.
 *
 * <p>It relies on what RFC 2046 guarantees of a boundary: it holds no CR, so the delimiter {@code CRLF--boundary}
 * has its CR only at the start, and a delimiter cut between two buffers is always a CR-led tail of the first.
 * Not thread-safe: one reader per request, fed in order.
 */
final class MultipartReader {

    /** Bytes of a part's headers, at most. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /** Bytes of a form field's value, at most. */
    static final int MAX_FIELD_BYTES = 1024 * 1024;

    /** What the reader hands over, in the order of the body. */
    interface Parts {

        /** A whole form field (a part without a file name). */
        void field(String name, String value);

        /** A file part begins (a part with a file name); its bytes follow. */
        void fileStarted(String name);

        /** The next bytes of the current file part; the buffer is only valid during the call. */
        void fileBytes(ByteBuffer bytes) throws IOException;

        /** The current file part is complete. */
        void fileEnded() throws IOException;
    }

    private enum State {
        /** Before the first delimiter, or in the body of a part. */
        BODY,
        /** After a delimiter, up to the end of its line: {@code --} closes the body. */
        DELIMITER_LINE,
        /** A part's header lines, up to the empty line. */
        HEADERS,
        /** After the closing delimiter: everything is ignored. */
        DONE
    }

    /** What the bytes of the current body go to. */
    private enum Sink {
        PREAMBLE, FIELD, FILE
    }

    private static final int CRLF = 0x0d0a;

    private static final int CRLF_CRLF = 0x0d0a0d0a;

    private final Parts parts;
    private final byte[] delimiter;
    private final int[] shift = new int[256];
    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final byte[] held;
    private int heldLength;
    private State state = State.BODY;
    private Sink sink = Sink.PREAMBLE;
    private @Nullable String fieldName;
    private Charset fieldCharset = StandardCharsets.UTF_8;
    private int lastFour;

    /**
     * A reader for one body.
     * @throws BadRequestException when the boundary is empty, longer than 70 characters or holds a CR or LF
     */
    MultipartReader(String boundary, Parts parts) {
        if (boundary.isEmpty() || boundary.length() > 70 || boundary.indexOf('\r') >= 0
                || boundary.indexOf('\n') >= 0) {
            throw new BadRequestException("The multipart boundary must be 1 to 70 characters without line breaks");
        }
        this.parts = parts;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int last = this.delimiter.length - 1;
        Arrays.fill(this.shift, this.delimiter.length);
        for (int i = 0; i < last; i++) {
            this.shift[this.delimiter[i] & 0xff] = last - i;
        }
        this.held = new byte[this.delimiter.length];
        // The body starts with "--boundary": as if a CRLF came first, the first delimiter is like every other.
        this.held[0] = '\r';
        this.held[1] = '\n';
        this.heldLength = 2;
    }

    /** The boundary of a {@code multipart/form-data} content type, or null when it is not one or has none. */
    static @Nullable String boundary(@Nullable MediaType contentType) {
        if (contentType == null || !MediaType.MULTIPART_FORM_DATA.includes(contentType)) {
            return null;
        }
        String boundary = contentType.getParameter("boundary");
        if (boundary != null && boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        return (boundary == null || boundary.isEmpty()) ? null : boundary;
    }

    /** Reads the next bytes of the body (all of the buffer's remaining bytes). */
    void read(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            switch (this.state) {
                case BODY -> readBody(buffer);
                case DELIMITER_LINE -> readDelimiterLine(buffer);
                case HEADERS -> readHeaders(buffer);
                case DONE -> buffer.position(buffer.limit());
            }
        }
    }

    /**
     * Checks that the body was complete.
     * @throws BadRequestException when it ended before its closing delimiter
     */
    void finish() {
        if (this.state != State.DONE) {
            throw new BadRequestException("The multipart body ended before its closing boundary");
        }
    }

    // ---- part bodies ---------------------------------------------------------------------------------------------

    private void readBody(ByteBuffer buffer) throws IOException {
        if (this.heldLength > 0 && !completeHeldDelimiter(buffer)) {
            return;
        }
        if (this.state != State.BODY) {
            return;
        }
        int start = buffer.position();
        int limit = buffer.limit();
        int found = search(buffer, start, limit);
        if (found >= 0) {
            emit(buffer, start, found);
            buffer.position(found + this.delimiter.length);
            endOfBody();
            return;
        }
        // No whole delimiter: a CR-led tail that could begin one waits for the next buffer.
        int tail = delimiterPrefixAtEnd(buffer, start, limit);
        emit(buffer, start, tail);
        buffer.get(tail, this.held, 0, limit - tail);
        this.heldLength = limit - tail;
        buffer.position(limit);
    }

    /**
     * With a held delimiter prefix, reads on as far as the delimiter goes: false when the buffer ran out while it
     * still matched (more is held), true otherwise (the delimiter completed, or the held bytes were body after all).
     */
    private boolean completeHeldDelimiter(ByteBuffer buffer) throws IOException {
        int position = buffer.position();
        int needed = this.delimiter.length - this.heldLength;
        int available = Math.min(needed, buffer.remaining());
        for (int i = 0; i < available; i++) {
            if (buffer.get(position + i) != this.delimiter[this.heldLength + i]) {
                // Not a delimiter: the held bytes are body, and the CR was its only possible start.
                emit(ByteBuffer.wrap(this.held, 0, this.heldLength), 0, this.heldLength);
                this.heldLength = 0;
                return true;
            }
        }
        buffer.position(position + available);
        if (available < needed) {
            System.arraycopy(this.delimiter, this.heldLength, this.held, this.heldLength, available);
            this.heldLength += available;
            return false;
        }
        this.heldLength = 0;
        endOfBody();
        return true;
    }

    /** Horspool search for the whole delimiter in {@code [from, limit)}: its index, or -1. */
    private int search(ByteBuffer buffer, int from, int limit) {
        int length = this.delimiter.length;
        int last = length - 1;
        byte lastByte = this.delimiter[last];
        int i = from;
        while (i + length <= limit) {
            byte b = buffer.get(i + last);
            if (b == lastByte && matchesAt(buffer, i, last)) {
                return i;
            }
            i += this.shift[b & 0xff];
        }
        return -1;
    }

    private boolean matchesAt(ByteBuffer buffer, int index, int count) {
        for (int j = 0; j < count; j++) {
            if (buffer.get(index + j) != this.delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** Where the buffer's last bytes start to spell the beginning of the delimiter (a CR onwards), or {@code limit}. */
    private int delimiterPrefixAtEnd(ByteBuffer buffer, int from, int limit) {
        for (int i = Math.max(from, limit - this.delimiter.length + 1); i < limit; i++) {
            if (buffer.get(i) == '\r' && matchesAt(buffer, i, limit - i)) {
                return i;
            }
        }
        return limit;
    }

    private void emit(ByteBuffer buffer, int from, int to) throws IOException {
        if (to <= from) {
            return;
        }
        switch (this.sink) {
            case FILE -> this.parts.fileBytes(buffer.duplicate().limit(to).position(from));
            case FIELD -> {
                if (this.collected.size() + (to - from) > MAX_FIELD_BYTES) {
                    throw new BadRequestException("A form field is longer than " + MAX_FIELD_BYTES + " bytes");
                }
                for (int i = from; i < to; i++) {
                    this.collected.write(buffer.get(i));
                }
            }
            case PREAMBLE -> {
                // Text before the first boundary means nothing (RFC 2046).
            }
        }
    }

    private void endOfBody() throws IOException {
        if (this.sink == Sink.FIELD && this.fieldName != null) {
            this.parts.field(this.fieldName, new String(this.collected.toByteArray(), this.fieldCharset));
        }
        else if (this.sink == Sink.FILE) {
            this.parts.fileEnded();
        }
        this.collected.reset();
        this.state = State.DELIMITER_LINE;
    }

    // ---- delimiter lines and headers -----------------------------------------------------------------------------

    private void readDelimiterLine(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            byte b = buffer.get();
            this.collected.write(b);
            if (this.collected.size() == 2 && this.collected.toString(StandardCharsets.ISO_8859_1).equals("--")) {
                this.state = State.DONE;
                this.collected.reset();
                return;
            }
            if (b == '\n') {
                this.collected.reset();
                this.state = State.HEADERS;
                return;
            }
            if (this.collected.size() > MAX_HEADER_BYTES) {
                throw new BadRequestException("A multipart boundary line is too long");
            }
        }
    }

    private void readHeaders(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            byte b = buffer.get();
            this.collected.write(b);
            this.lastFour = (this.lastFour << 8) | (b & 0xff);
            int size = this.collected.size();
            if (size > MAX_HEADER_BYTES) {
                throw new BadRequestException("A multipart part's headers are longer than " + MAX_HEADER_BYTES
                        + " bytes");
            }
            boolean noHeaders = size == 2 && (this.lastFour & 0xffff) == CRLF;
            if (noHeaders || (size >= 4 && this.lastFour == CRLF_CRLF)) {
                String block = this.collected.toString(StandardCharsets.ISO_8859_1);
                this.collected.reset();
                this.lastFour = 0;
                startPart(block);
                return;
            }
        }
    }

    private void startPart(String headerBlock) {
        String disposition = null;
        String contentType = null;
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = new String(line.substring(colon + 1).trim().getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            if (header.equals("content-disposition")) {
                disposition = value;
            }
            else if (header.equals("content-type")) {
                contentType = value;
            }
        }
        ContentDisposition parsed;
        try {
            parsed = (disposition != null) ? ContentDisposition.parse(disposition) : null;
        }
        catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
            // Spring's parser throws an index error on some malformed values (found by RequestParserFuzzTest).
            throw new BadRequestException("A multipart part has an invalid Content-Disposition");
        }
        if (parsed == null || parsed.getName() == null) {
            throw new BadRequestException("A multipart part has no Content-Disposition name");
        }
        this.state = State.BODY;
        if (parsed.getFilename() != null) {
            this.sink = Sink.FILE;
            this.fieldName = null;
            this.parts.fileStarted(parsed.getName());
            return;
        }
        this.sink = Sink.FIELD;
        this.fieldName = parsed.getName();
        this.fieldCharset = charset(contentType);
    }

    private static Charset charset(@Nullable String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return (charset != null) ? charset : StandardCharsets.UTF_8;
        }
        catch (IllegalArgumentException ex) {
            return StandardCharsets.UTF_8;
        }
    }
}
