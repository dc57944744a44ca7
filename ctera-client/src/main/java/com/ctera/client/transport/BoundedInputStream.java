package com.ctera.client.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An answer's stream that fails with {@link AnswerTooLargeException} once more than its limit has been read, so a
 * decoder never holds more of an oversized answer than the limit.
 */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;

    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            counted(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long bytes) {
        this.count += bytes;
        if (this.count > this.limit) {
            throw new AnswerTooLargeException(this.limit);
        }
    }

    /** The answer went past the limit; thrown unchecked so that no parser wraps it as a syntax error. */
    static final class AnswerTooLargeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AnswerTooLargeException(long limit) {
            super("the answer is larger than " + limit + " bytes", null, false, false);
        }
    }
}
