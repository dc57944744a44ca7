package com.ctera.client.transport;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraClientErrorException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraSessionExpiredException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.protocol.MalformedXmlException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTranslatorTest {

    private final FailureTranslator translator = new FailureTranslator(Duration.ofSeconds(3),
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    private final ApiRequest request = ApiRequest.post(CteraOperation.USERS_ADD,
            URI.create("http://portal.test/admin/api/users"), new byte[0]);

    private CteraException status(int status) {
        return this.translator.status(this.request, status, new HttpHeaders(), null);
    }

    @Test
    void mapsEachStatusToItsType() {
        assertThat(status(400)).isExactlyInstanceOf(CteraClientErrorException.class);
        assertThat(status(405)).isExactlyInstanceOf(CteraClientErrorException.class);
        assertThat(status(412)).isExactlyInstanceOf(CteraClientErrorException.class);
        assertThat(status(422)).isExactlyInstanceOf(CteraClientErrorException.class);
        assertThat(status(401)).isExactlyInstanceOf(CteraAuthenticationException.class);
        assertThat(status(403)).isExactlyInstanceOf(CteraAccessDeniedException.class);
        assertThat(status(404)).isExactlyInstanceOf(CteraNotFoundException.class);
        assertThat(status(409)).isExactlyInstanceOf(CteraConflictException.class);
        assertThat(status(429)).isExactlyInstanceOf(CteraThrottledException.class);
        assertThat(status(500)).isExactlyInstanceOf(CteraServerException.class);
        assertThat(status(502)).isExactlyInstanceOf(CteraServerException.class);
        assertThat(status(503)).isExactlyInstanceOf(CteraServerException.class);
    }

    @Test
    void everyExceptionNamesOperationStatusAndUrl() {
        CteraException error = this.translator.status(this.request, 409, new HttpHeaders(), "User already exists");
        assertThat(error.operation()).isEqualTo("users.add");
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.getMessage()).contains("users.add", "409", "POST http://portal.test/admin/api/users",
                "User already exists");
    }

    @Test
    void throttlingCarriesRetryAfterInSecondsOrAsADate() {
        HttpHeaders seconds = new HttpHeaders();
        seconds.set(HttpHeaders.RETRY_AFTER, "2");
        CteraException tooMany = this.translator.status(this.request, 429, seconds, null);
        assertThat(((CteraThrottledException) tooMany).retryAfter()).contains(Duration.ofSeconds(2));

        HttpHeaders date = new HttpHeaders();
        date.set(HttpHeaders.RETRY_AFTER, "Thu, 26 Nov 2026 10:00:05 GMT");
        CteraException unavailable = this.translator.status(this.request, 503, date, null);
        assertThat(unavailable).isInstanceOf(CteraThrottledException.class);
        assertThat(((CteraThrottledException) unavailable).retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(((CteraThrottledException) status(429)).retryAfter()).isEmpty();
    }

    @Test
    void onlyTheLoginPageOrMicrosoftLoginIsTheExpirySignal() {
        assertThat(FailureTranslator.isSessionExpiry(URI.create("/ServicesPortal/login.html"))).isTrue();
        assertThat(FailureTranslator.isSessionExpiry(URI.create("https://login.microsoftonline.com/tenant/x")))
                .isTrue();
        assertThat(FailureTranslator.isSessionExpiry(URI.create("/admin/somewhere"))).isFalse();
        assertThat(FailureTranslator.isSessionExpiry(null)).isFalse();
        assertThat(this.translator.redirect(this.request, 302, URI.create("/ServicesPortal/login.html")))
                .isInstanceOf(CteraSessionExpiredException.class);
        assertThat(this.translator.redirect(this.request, 302, URI.create("/elsewhere")))
                .isInstanceOf(CteraProtocolException.class).hasMessageContaining("/elsewhere");
    }

    @Test
    void transportFailuresAndTimeouts() {
        CteraException refused = this.translator.transport(this.request, new ConnectException("Connection refused"));
        assertThat(refused).isInstanceOf(CteraTransportException.class).hasMessageContaining("cannot connect");
        assertThat(refused.status()).isZero();
        assertThat(this.translator.transport(this.request, new TimeoutException()))
                .isInstanceOf(CteraTransportException.class).hasMessageContaining("read timeout");
        assertThat(this.translator.body(this.request, 200, new RuntimeException(new TimeoutException())))
                .isInstanceOf(CteraTransportException.class);
    }

    @Test
    void unreadableBodiesAreProtocolErrorsNamingTheOperation() {
        CteraException malformed = this.translator.body(this.request, 200,
                new MalformedXmlException("unexpected end of document"));
        assertThat(malformed).isInstanceOf(CteraProtocolException.class);
        assertThat(malformed.operation()).isEqualTo("users.add");
        assertThat(malformed.getMessage()).contains("users.add", "unexpected end of document");
    }
}
