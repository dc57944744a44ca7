package com.ctera.client.observation;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;

import com.ctera.client.CteraAuthenticationException;
import com.ctera.client.CteraDeadlineExceededException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraRateLimitedException;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.resilience.CteraCircuitOpenException;

import static org.assertj.core.api.Assertions.assertThat;

/** The exception hierarchy maps onto the fixed error-type vocabulary. */
class CteraErrorTypeTest {

    @Test
    void mapsEachFailureToItsType() {
        assertThat(CteraErrorType.of(null).value()).isEqualTo("none");
        assertThat(CteraErrorType.of(new CteraThrottledException("op", 429, "m", null, null)).value())
            .isEqualTo("throttling");
        assertThat(CteraErrorType.of(new CteraServerException("op", 500, "m", null)).value()).isEqualTo("server");
        assertThat(CteraErrorType.of(new CteraTransportException("op", 0, "m", ReadTimeoutException.INSTANCE))
            .value()).isEqualTo("client_timeout");
        assertThat(CteraErrorType.of(new CteraTransportException("op", 0, "m", new ConnectException("refused")))
            .value()).isEqualTo("io");
        assertThat(CteraErrorType.of(new TimeoutException("operator timeout")).value()).isEqualTo("client_timeout");
        assertThat(CteraErrorType.of(new IOException("reset")).value()).isEqualTo("io");
        assertThat(CteraErrorType.of(new CteraNotFoundException("op", 404, "m", null)).value()).isEqualTo("other");
        assertThat(CteraErrorType.of(new CteraAuthenticationException("op", 401, "m", null)).value())
            .isEqualTo("other");
        assertThat(CteraErrorType.of(new IllegalStateException("closed")).value()).isEqualTo("other");
    }

    @Test
    void tellsTheClientsOwnRefusalsFromThePortals() {
        assertThat(CteraErrorType.of(new CteraRateLimitedException("op", "m", Duration.ofMillis(5), null)).value())
            .isEqualTo("client_refused");
        assertThat(CteraErrorType.of(new CteraCircuitOpenException("op", "m", null)).value())
            .isEqualTo("client_refused");
        assertThat(CteraErrorType.of(new CteraDeadlineExceededException("op", "m", Duration.ofSeconds(1), null))
            .value()).isEqualTo("client_timeout");
    }
}
