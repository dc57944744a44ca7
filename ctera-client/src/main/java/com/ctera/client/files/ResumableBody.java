package com.ctera.client.files;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.transport.ResponseHead;

/**
 * The state of one file download across its attempts, so that a retry after a body cut off midway goes on where
 * the bytes stopped instead of handing them over twice. A repeated attempt asks for the rest with
 * {@code Range: bytes=N-} (and {@code If-Range} with the first answer's {@code ETag}, so a file changed meanwhile
 * comes back whole instead of spliced); a portal that answers {@code 206} sends just the rest, one that answers
 * {@code 200} sends the file again and the bytes already handed over are skipped. A file that changed between
 * attempts starts over where nothing has been handed on yet (a temporary file), and fails otherwise.
 */
final class ResumableBody {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final String operation;

    private final String path;

    private final @Nullable Runnable restart;

    private final AtomicLong delivered = new AtomicLong();

    private volatile @Nullable String etag;

    private volatile long total = -1;

    /**
     * @param restart empties what was handed on so far, when the file changed and must be taken from the start; null
     * when bytes handed on cannot be taken back (a stream or a subscriber)
     */
    ResumableBody(String operation, String path, @Nullable Runnable restart) {
        this.operation = operation;
        this.path = path;
        this.restart = restart;
    }

    /** The bytes handed on so far, over every attempt. */
    long delivered() {
        return this.delivered.get();
    }

    /** The file's size once an answer has told it. */
    @Nullable Long total() {
        long known = this.total;
        return (known >= 0) ? known : null;
    }

    /** The headers of the next attempt: a range for the rest once some bytes have been handed on. */
    void applyTo(HttpHeaders headers) {
        long from = this.delivered.get();
        if (from > 0 && (this.total < 0 || from < this.total)) {
            headers.set(HttpHeaders.RANGE, "bytes=" + from + "-");
            String validator = this.etag;
            if (validator != null) {
                headers.set(HttpHeaders.IF_RANGE, validator);
            }
        }
    }

    /**
     * This attempt's bytes that were not handed on before, counted as they pass; fails with a retryable
     * {@code CteraTransportException} when the body ends before the file does.
     */
    Flux<DataBuffer> rest(ResponseHead head, Flux<DataBuffer> body) {
        long skip = skipFor(head);
        long announced = head.headers().getContentLength();
        long[] toSkip = { skip };
        long[] received = { 0 };
        return body.<DataBuffer>handle((buffer, sink) -> {
            int count = buffer.readableByteCount();
            received[0] += count;
            if (toSkip[0] >= count) {
                toSkip[0] -= count;
                DataBufferUtils.release(buffer);
                return;
            }
            if (toSkip[0] > 0) {
                buffer.readPosition(buffer.readPosition() + (int) toSkip[0]);
                toSkip[0] = 0;
            }
            this.delivered.addAndGet(buffer.readableByteCount());
            sink.next(buffer);
        }).concatWith(Flux.defer(() -> {
            if (announced >= 0 && received[0] != announced) {
                return Flux.error(cutOff(head.status(), "announced " + announced + " bytes but sent "
                        + received[0]));
            }
            if (this.total >= 0 && this.delivered.get() != this.total) {
                return Flux.error(cutOff(head.status(), "the file has " + this.total + " bytes but "
                        + this.delivered.get() + " arrived"));
            }
            return Flux.empty();
        }));
    }

    // How many leading bytes of this answer were handed on before. Also learns the file's size and validator from
    // the first answer.
    private long skipFor(ResponseHead head) {
        HttpHeaders headers = head.headers();
        long from = this.delivered.get();
        String etag = headers.getETag();
        if (head.status() == 206) {
            Matcher range = CONTENT_RANGE.matcher(String.valueOf(headers.getFirst(HttpHeaders.CONTENT_RANGE)));
            if (!range.matches()) {
                throw new CteraProtocolException(this.operation, 206, this.operation + " of '" + this.path
                        + "' failed: a partial answer without a readable Content-Range: "
                        + headers.getFirst(HttpHeaders.CONTENT_RANGE), null);
            }
            long first = Long.parseLong(range.group(1));
            if (first > from) {
                throw new CteraProtocolException(this.operation, 206, this.operation + " of '" + this.path
                        + "' failed: asked for the bytes from " + from + " but the portal sent them from " + first,
                        null);
            }
            if (!"*".equals(range.group(3))) {
                this.total = Long.parseLong(range.group(3));
            }
            return from - first;
        }
        if (from > 0 && this.etag != null && !this.etag.equals(etag)) {
            // The whole file again, and another version of it: what was handed on belongs to the old one.
            if (this.restart == null) {
                throw new CteraConflictException(this.operation, head.status(), this.operation + " of '" + this.path
                        + "' failed: the file changed on the portal after " + from + " bytes had been handed on, "
                        + "which cannot be taken back; download it again", null);
            }
            this.restart.run();
            this.delivered.set(0);
            from = 0;
            this.etag = etag;
        }
        if (from == 0) {
            this.etag = etag;
        }
        long length = headers.getContentLength();
        if (length >= 0) {
            this.total = length;
        }
        return from;
    }

    private CteraTransportException cutOff(int status, String detail) {
        return new CteraTransportException(this.operation, status, this.operation + " of '" + this.path
                + "' failed: the body was cut off (" + detail + ")", null);
    }
}
