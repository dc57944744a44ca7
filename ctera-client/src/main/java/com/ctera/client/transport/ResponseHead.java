package com.ctera.client.transport;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.MultiValueMap;

/** Status, headers and cookies of a successful answer; {@link #toString()} hides cookie values. */
public final class ResponseHead {

    private final int status;

    private final HttpHeaders headers;

    // Parsed on first use: only a login reads cookies, and parsing the Set-Cookie headers of every answer showed in
    // the call-overhead profile (docs/benchmarks.md).
    private final Supplier<MultiValueMap<String, ResponseCookie>> cookieParser;

    private @Nullable MultiValueMap<String, ResponseCookie> cookies;

    ResponseHead(int status, HttpHeaders headers, Supplier<MultiValueMap<String, ResponseCookie>> cookieParser) {
        this.status = status;
        this.headers = headers;
        this.cookieParser = cookieParser;
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
        ResponseCookie cookie = cookies().getFirst(name);
        return Optional.ofNullable(cookie).map(ResponseCookie::getValue).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        return "ResponseHead[status=" + this.status + ", cookies=" + cookies().keySet() + "]";
    }

    private MultiValueMap<String, ResponseCookie> cookies() {
        MultiValueMap<String, ResponseCookie> parsed = this.cookies;
        if (parsed == null) {
            parsed = this.cookieParser.get();
            this.cookies = parsed;
        }
        return parsed;
    }
}
