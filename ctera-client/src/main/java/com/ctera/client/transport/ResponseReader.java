package com.ctera.client.transport;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a successful answer into a value while its body streams in. Runs on a thread that may block; must not keep
 * the stream beyond the call.
 */
@FunctionalInterface
public interface ResponseReader<T> {

    /** Reads the body; throwing anything but a {@code CteraException} reports a malformed answer. */
    T read(ResponseHead head, InputStream body) throws IOException;
}
