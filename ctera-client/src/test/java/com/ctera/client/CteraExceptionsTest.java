package com.ctera.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.resilience.CallRateLimiter;
import com.ctera.client.resilience.CteraCircuitOpenException;
import com.ctera.client.resilience.DeadlineInterceptor;
import com.ctera.client.resilience.Failures;
import com.ctera.client.resilience.TokenBucketStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each exception says whether a retry can help, the client's own refusals are told apart by type. */
class CteraExceptionsTest {

    @Test
    void aPermissionRefusalIsNoAuthenticationFailure() {
        CteraException denied = new CteraAccessDeniedException("files.delete", 403, "denied", null);
        assertThat(denied).isNotInstanceOf(CteraAuthenticationException.class);
        assertThat(denied.isRetryable()).isFalse();
    }

    @Test
    void eachTypeSaysWhetherARetryCanHelpAndTheRetryStageAgrees() {
        List<CteraException> retryable = List.of(
                new CteraThrottledException("op", 429, "m", Duration.ofSeconds(1), null),
                new CteraRateLimitedException("op", "m", Duration.ZERO, null),
                new CteraServerException("op", 500, "m", null), new CteraServerException("op", 503, "m", null),
                new CteraClientErrorException("op", 408, "m", null),
                new CteraTransportException("op", 0, "m", new ConnectException("refused")));
        List<CteraException> finals = List.of(new CteraAuthenticationException("op", 401, "m", null),
                new CteraAccessDeniedException("op", 403, "m", null), new CteraNotFoundException("op", 404, "m", null),
                new CteraConflictException("op", 409, "m", null), new CteraQuotaException("op", 200, "m", null),
                new CteraClientErrorException("op", 400, "m", null), new CteraServerException("op", 501, "m", null),
                new CteraServerException("op", 505, "m", null), new CteraProtocolException("op", 200, "m", null),
                new CteraSessionExpiredException("op", 302, "m", null),
                new CteraTransportException("op", 0, "m", new SSLHandshakeException("untrusted")),
                new CteraCircuitOpenException("op", "m", null),
                new CteraTimeoutException("tasks.wait", "m", Duration.ofSeconds(1), null),
                new CteraDeadlineExceededException("op", "m", Duration.ofSeconds(1), null));
        assertThat(retryable).allSatisfy(error -> {
            assertThat(error.isRetryable()).as(error.getClass().getSimpleName()).isTrue();
            assertThat(Failures.isRetryable(error)).isTrue();
        });
        assertThat(finals).allSatisfy(error -> {
            assertThat(error.isRetryable()).as(error.getClass().getSimpleName() + " " + error.status()).isFalse();
            assertThat(Failures.isRetryable(error)).isFalse();
        });
        assertThat(Failures.isRetryable(new IllegalStateException("closed"))).isFalse();
    }

    @Test
    void theLimitersRefusalIsAClientRefusalAndNoPortalFailure() {
        // One permit a thousand seconds: the second call finds none and may not wait.
        CallRateLimiter limiter = new CallRateLimiter("ctera-main", new TokenBucketStrategy(0.001, 1), Duration.ZERO);
        limiter.acquireReactive().block();
        assertThatThrownBy(() -> limiter.acquireReactive().block())
            .isInstanceOfSatisfying(CteraRateLimitedException.class, refused -> {
                assertThat(refused).isInstanceOf(CteraClientRefusal.class).isInstanceOf(CteraThrottledException.class);
                assertThat(refused.isRetryable()).isTrue();
                assertThat(Failures.isPortalFailure(refused)).isFalse();
            });
        assertThat(new CteraCircuitOpenException("op", "m", null)).isInstanceOf(CteraClientRefusal.class);
        assertThat(new CteraThrottledException("op", 429, "m", null, null)).isNotInstanceOf(CteraClientRefusal.class);
    }

    @Test
    void theOverallDeadlineIsATimeout() {
        DeadlineInterceptor deadline = new DeadlineInterceptor(Duration.ofMillis(20));
        assertThatThrownBy(() -> deadline.intercept(new CallContext("main", CteraOperation.USERS_GET), Mono.never())
            .block(Duration.ofSeconds(5)))
            .isInstanceOfSatisfying(CteraTimeoutException.class, timeout -> {
                assertThat(timeout).isInstanceOf(CteraDeadlineExceededException.class)
                    .isInstanceOf(CteraClientRefusal.class);
                assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(20));
                assertThat(timeout.isRetryable()).isFalse();
            });
    }
}
