package com.ctera.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlValue;
import com.ctera.simulator.xml.XmlWriter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * What a handler answers, before faults and HTTP writing: a status, headers and an XML body given whole or, for
 * large query results, as a stream of chunks.
 */
record PortalAnswer(int status, Map<String, String> headers, @Nullable String body, @Nullable Flux<String> stream) {

    /** The exact expiry redirect the SDK recognises, whatever the context (protocol §2.4). */
    static final String LOGIN_PAGE = "/ServicesPortal/login.html";

    static PortalAnswer ok(@Nullable XmlValue value) {
        return new PortalAnswer(200, Map.of(), (value != null) ? XmlWriter.write(value) : null, null);
    }

    static PortalAnswer okStream(Flux<String> chunks) {
        return new PortalAnswer(200, Map.of(), null, chunks);
    }

    static PortalAnswer empty(int status) {
        return new PortalAnswer(status, Map.of(), null, null);
    }

    /** An error answer with the portal's {@code <obj><att id="msg">...} body. */
    static PortalAnswer message(int status, String message) {
        return new PortalAnswer(status, Map.of(), XmlWriter.write(XmlObj.plain().put("msg", message)), null);
    }

    static PortalAnswer notFound() {
        return message(404, "Resource does not exist");
    }

    /** 416: no byte of a file of {@code size} bytes lies in the requested range (RFC 9110 §15.5.17). */
    static PortalAnswer unsatisfiableRange(long size) {
        return empty(416).withHeader("Content-Range", "bytes */" + size);
    }

    static PortalAnswer loginRedirect() {
        return new PortalAnswer(302, Map.of("Location", LOGIN_PAGE), null, null);
    }

    static PortalAnswer retryLater(int status, long retryAfterSeconds, String message) {
        PortalAnswer answer = message(status, message);
        return answer.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    PortalAnswer withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.put(name, value);
        return new PortalAnswer(this.status, copy, this.body, this.stream);
    }

    boolean success() {
        return this.status >= 200 && this.status < 300;
    }

    /** The body as chunks (empty for no body). */
    Flux<String> chunks() {
        if (this.stream != null) {
            return this.stream;
        }
        return (this.body != null) ? Flux.just(this.body) : Flux.empty();
    }
}
