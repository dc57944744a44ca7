package com.ctera.client.transport;

import java.util.function.Supplier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One answer as {@link PortalTransport} reads it, whichever HTTP layer received it.
 * @param status the HTTP status code
 * @param headers the response headers
 * @param cookies parses the {@code Set-Cookie} headers when first asked
 * @param body the body's buffers, each to be released by whoever takes it
 * @param discard reads and drops the body, so the connection can be reused
 */
record Answer(int status, HttpHeaders headers, Supplier<MultiValueMap<String, ResponseCookie>> cookies,
        Flux<DataBuffer> body, Supplier<Mono<Void>> discard) {

    boolean isSuccessful() {
        return this.status >= 200 && this.status < 300;
    }

    boolean isRedirect() {
        return this.status >= 300 && this.status < 400;
    }
}
