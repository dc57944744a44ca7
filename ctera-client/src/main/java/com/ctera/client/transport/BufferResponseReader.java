package com.ctera.client.transport;

import java.io.InputStream;

import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a successful answer into a value from its body's buffers as the connection delivers them, on the I/O thread,
 * with no thread hop and no copy into a stream. For bodies that go somewhere fast and non-blocking enough for an I/O
 * thread, such as a file being downloaded. The reader must release every buffer it is given.
 */
public interface BufferResponseReader<T> extends ResponseReader<T> {

    /**
     * Consumes the body. Called once per attempt: a repeated request (retry, renewed session) calls it again.
     * Errors other than a {@code CteraException} report a malformed answer.
     */
    Mono<T> read(ResponseHead head, Flux<DataBuffer> body);

    /** Not used: {@link PortalTransport} always hands this reader the buffers. */
    @Override
    default T read(ResponseHead head, InputStream body) {
        throw new UnsupportedOperationException("a BufferResponseReader reads the answer's buffers, not a stream");
    }
}
