package com.ctera.client.transport;

import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;

/** Status, headers and cookies of a successful answer; {@link #toString()} hides cookie values. */
public final class ResponseHead {

    private final int status;

    private final HttpHeaders headers;

    private final MultiValueMap<String, ResponseCookie> cookies;

    ResponseHead(int status, HttpHeaders headers, MultiValueMap<String, ResponseCookie> cookies) {
        this.status = status;
        this.headers = headers;
        this.cookies = cookies;
    }

    /** The HTTP status code. */
    public int status() {
        return this.status;
    }

    /** The response headers. */
    public HttpHeaders headers() {
        return this.headers;
    }

    /** The value of a cookie the portal set, if it set one with that name. */
    public Optional<String> cookie(String name) {
        ResponseCookie cookie = this.cookies.getFirst(name);
        return Optional.ofNullable(cookie).map(ResponseCookie::getValue).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        return "ResponseHead[status=" + this.status + ", cookies=" + this.cookies.keySet() + "]";
    }
}
