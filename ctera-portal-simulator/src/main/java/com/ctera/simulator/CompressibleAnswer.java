package com.ctera.simulator;

import java.util.Locale;

import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Which answers the simulator compresses for a client that sends {@code Accept-Encoding: gzip} or {@code deflate}:
 * XML and JSON of at least {@link #MIN_SIZE} bytes, as a portal behind a web server configured for text types does.
 * File bodies go out as they are stored; Reactor Netty checks the client's {@code Accept-Encoding} itself.
 */
final class CompressibleAnswer {

    /** Answers announced smaller than this go out as they are: compressing them would save too little. */
    static final int MIN_SIZE = 1024;

    private CompressibleAnswer() {
    }

    static boolean test(HttpServerRequest request, HttpServerResponse response) {
        String type = response.responseHeaders().get("Content-Type");
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("text/") || lower.contains("xml") || lower.contains("json"))) {
            return false;
        }
        String length = response.responseHeaders().get("Content-Length");
        try {
            return length == null || Long.parseLong(length.trim()) >= MIN_SIZE;
        }
        catch (NumberFormatException ex) {
            return true;
        }
    }
}
