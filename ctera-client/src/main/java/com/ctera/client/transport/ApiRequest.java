package com.ctera.client.transport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

import com.ctera.client.CteraOperation;

/**
 * One HTTP request to the portal: the operation it serves, method, URI and an optional XML or form body. Its
 * {@link #toString()} never shows the body, which may hold a password.
 */
public final class ApiRequest {

    private final CteraOperation operation;

    private final HttpMethod method;

    private final URI uri;

    private final byte @Nullable [] xmlBody;

    private final @Nullable Map<String, String> formBody;

    private ApiRequest(CteraOperation operation, HttpMethod method, URI uri, byte @Nullable [] xmlBody,
            @Nullable Map<String, String> formBody) {
        this.operation = operation;
        this.method = method;
        this.uri = uri;
        this.xmlBody = xmlBody;
        this.formBody = formBody;
    }

    /** {@code GET} of a node. */
    public static ApiRequest get(CteraOperation operation, URI uri) {
        return new ApiRequest(operation, HttpMethod.GET, uri, null, null);
    }

    /** {@code PUT} of a node's new value. */
    public static ApiRequest put(CteraOperation operation, URI uri, byte[] xml) {
        return new ApiRequest(operation, HttpMethod.PUT, uri, xml.clone(), null);
    }

    /** {@code POST} of a call envelope (db or user-defined). */
    public static ApiRequest post(CteraOperation operation, URI uri, byte[] xml) {
        return new ApiRequest(operation, HttpMethod.POST, uri, xml.clone(), null);
    }

    /** {@code DELETE} of a node, with an optional XML body. */
    public static ApiRequest delete(CteraOperation operation, URI uri, byte @Nullable [] xml) {
        return new ApiRequest(operation, HttpMethod.DELETE, uri, (xml != null) ? xml.clone() : null, null);
    }

    /** URL-encoded form {@code POST} (login, logout). */
    public static ApiRequest form(CteraOperation operation, URI uri, Map<String, String> fields) {
        return new ApiRequest(operation, HttpMethod.POST, uri, null, new LinkedHashMap<>(fields));
    }

    /** The logical operation this request belongs to. */
    public CteraOperation operation() {
        return this.operation;
    }

    /** The HTTP method. */
    public HttpMethod method() {
        return this.method;
    }

    /** The absolute request URI. */
    public URI uri() {
        return this.uri;
    }

    byte @Nullable [] xmlBody() {
        return this.xmlBody;
    }

    @Nullable Map<String, String> formBody() {
        return this.formBody;
    }

    @Override
    public String toString() {
        return this.operation.name() + " " + this.method.name() + " " + this.uri;
    }
}
