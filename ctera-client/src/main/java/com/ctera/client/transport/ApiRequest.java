package com.ctera.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import com.ctera.client.CteraOperation;

/**
 * One HTTP request to the portal: the operation it serves, method, URI and an optional body (XML, form, JSON or a
 * streamed multipart upload). Its {@link #toString()} never shows the body, which may hold a password.
 */
public final class ApiRequest {

    private final CteraOperation operation;

    private final HttpMethod method;

    private final URI uri;

    private final byte @Nullable [] xmlBody;

    private final @Nullable Map<String, String> formBody;

    private final byte @Nullable [] jsonBody;

    private final @Nullable MultipartUpload multipartBody;

    private final @Nullable TransferMeter meter;

    private final @Nullable Duration responseTimeout;

    private final @Nullable Consumer<HttpHeaders> attemptHeaders;

    private ApiRequest(Builder builder) {
        this.operation = builder.operation;
        this.method = builder.method;
        this.uri = builder.uri;
        this.xmlBody = builder.xmlBody;
        this.formBody = builder.formBody;
        this.jsonBody = builder.jsonBody;
        this.multipartBody = builder.multipartBody;
        this.meter = builder.meter;
        this.responseTimeout = builder.responseTimeout;
        this.attemptHeaders = builder.attemptHeaders;
    }

    /** {@code GET} of a node, or of a file's raw bytes under {@code /{ctx}/webdav} (read with a streaming reader). */
    public static ApiRequest get(CteraOperation operation, URI uri) {
        return new Builder(operation, HttpMethod.GET, uri).build();
    }

    /** {@code PUT} of a node's new value. */
    public static ApiRequest put(CteraOperation operation, URI uri, byte[] xml) {
        Builder builder = new Builder(operation, HttpMethod.PUT, uri);
        builder.xmlBody = xml.clone();
        return builder.build();
    }

    /** {@code POST} of a call envelope (db or user-defined). */
    public static ApiRequest post(CteraOperation operation, URI uri, byte[] xml) {
        Builder builder = new Builder(operation, HttpMethod.POST, uri);
        builder.xmlBody = xml.clone();
        return builder.build();
    }

    /** {@code DELETE} of a node, with an optional XML body. */
    public static ApiRequest delete(CteraOperation operation, URI uri, byte @Nullable [] xml) {
        Builder builder = new Builder(operation, HttpMethod.DELETE, uri);
        builder.xmlBody = (xml != null) ? xml.clone() : null;
        return builder.build();
    }

    /** URL-encoded form {@code POST} (login, logout, the zip download's {@code inputXML}). */
    public static ApiRequest form(CteraOperation operation, URI uri, Map<String, String> fields) {
        Builder builder = new Builder(operation, HttpMethod.POST, uri);
        builder.formBody = new LinkedHashMap<>(fields);
        return builder.build();
    }

    /** {@code POST} of a JSON document sent exactly as given, {@code Content-Type: application/json}. */
    public static ApiRequest json(CteraOperation operation, URI uri, byte[] json) {
        Builder builder = new Builder(operation, HttpMethod.POST, uri);
        builder.jsonBody = json.clone();
        return builder.build();
    }

    /** Multipart {@code POST} whose file part streams from its source (protocol §5.4.4). */
    public static ApiRequest multipart(CteraOperation operation, URI uri, MultipartUpload upload) {
        Builder builder = new Builder(operation, HttpMethod.POST, uri);
        builder.multipartBody = upload;
        return builder.build();
    }

    /**
     * The same request, counting the file bytes it moves in {@code meter}; the transport reports the totals to the
     * call's {@code CallEvents} when the answer has been read.
     */
    public ApiRequest withTransferMeter(TransferMeter meter) {
        Builder builder = toBuilder();
        builder.meter = meter;
        return builder.build();
    }

    /**
     * The same request with its own limit on the wait for the answer, replacing the portal's read timeout for this
     * request only: for calls the portal is expected to hold open (the change feed's long poll).
     */
    public ApiRequest withResponseTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive, was " + timeout);
        }
        Builder builder = toBuilder();
        builder.responseTimeout = timeout;
        return builder.build();
    }

    /**
     * The same request with headers decided anew for each attempt, just before it is sent: a download resumed by a
     * retry asks for the bytes it still lacks ({@code Range}) this way.
     */
    public ApiRequest withAttemptHeaders(Consumer<HttpHeaders> headers) {
        Builder builder = toBuilder();
        builder.attemptHeaders = headers;
        return builder.build();
    }

    /**
     * Whether this request moves file content (it has a {@link TransferMeter}): such a request is bounded by the
     * minimum transfer throughput rather than by a fixed time.
     */
    public boolean isTransfer() {
        return this.meter != null;
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

    byte @Nullable [] jsonBody() {
        return this.jsonBody;
    }

    @Nullable MultipartUpload multipartBody() {
        return this.multipartBody;
    }

    @Nullable TransferMeter meter() {
        return this.meter;
    }

    @Nullable Duration responseTimeout() {
        return this.responseTimeout;
    }

    /** Adds this attempt's own headers, if the request has any. */
    void applyAttemptHeaders(HttpHeaders headers) {
        if (this.attemptHeaders != null) {
            this.attemptHeaders.accept(headers);
        }
    }

    /** The same request with another multipart body, such as the same one whose content is watched. */
    ApiRequest withMultipartBody(MultipartUpload upload) {
        Builder builder = toBuilder();
        builder.multipartBody = upload;
        return builder.build();
    }

    private Builder toBuilder() {
        Builder builder = new Builder(this.operation, this.method, this.uri);
        builder.xmlBody = this.xmlBody;
        builder.formBody = this.formBody;
        builder.jsonBody = this.jsonBody;
        builder.multipartBody = this.multipartBody;
        builder.meter = this.meter;
        builder.responseTimeout = this.responseTimeout;
        builder.attemptHeaders = this.attemptHeaders;
        return builder;
    }

    @Override
    public String toString() {
        return this.operation.name() + " " + this.method.name() + " " + this.uri;
    }

    private static final class Builder {

        private final CteraOperation operation;

        private final HttpMethod method;

        private final URI uri;

        private byte @Nullable [] xmlBody;

        private @Nullable Map<String, String> formBody;

        private byte @Nullable [] jsonBody;

        private @Nullable MultipartUpload multipartBody;

        private @Nullable TransferMeter meter;

        private @Nullable Duration responseTimeout;

        private @Nullable Consumer<HttpHeaders> attemptHeaders;

        private Builder(CteraOperation operation, HttpMethod method, URI uri) {
            this.operation = operation;
            this.method = method;
            this.uri = uri;
        }

        private ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
