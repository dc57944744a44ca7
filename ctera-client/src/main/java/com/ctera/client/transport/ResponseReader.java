package com.ctera.client.transport;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a successful answer into a value while its body streams in. A large or chunked answer is read on a thread
 * that may block; a small answer of announced size is read from memory on the I/O thread, so a reader must block on
 * nothing but the stream it is given. Must not keep the stream beyond the call.
 */
@FunctionalInterface
public interface ResponseReader<T> {

    /** Reads the body; throwing anything but a {@code CteraException} reports a malformed answer. */
    T read(ResponseHead head, InputStream body) throws IOException;
}
