package com.ctera.simulator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One entry of the dispatch table: method and path (relative to {@code /{ctx}}), for POST calls the envelope's
 * {@code type} and {@code name}, the operation name, and whether a session is required.
 */
record ApiRoute(HttpMethod method, PathPattern pattern, @Nullable String envelopeType, @Nullable String envelopeName,
        String operation, boolean authenticated, ApiHandler handler) {

    boolean usesEnvelope() {
        return this.envelopeName != null;
    }

    boolean parsesXml() {
        return usesEnvelope() || HttpMethod.PUT.equals(this.method);
    }
}
