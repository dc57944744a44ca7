package com.ctera.autoconfigure.client;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraTransportException;
import com.ctera.client.PortalContext;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.transport.CallLimits;
import com.ctera.client.transport.TransferThroughput;

import static org.assertj.core.api.Assertions.assertThat;

/** The state a portal's calls show moves on each change only: one WARN into a failure, one INFO out of it. */
@ExtendWith(OutputCaptureExtension.class)
class PortalStateLogTests {

    private final PortalStateLog log = new PortalStateLog(new PortalSettings("main",
            URI.create("https://portal.example.com"), PortalContext.ADMIN, null, "svc", "S3cret-pw", null,
            Duration.ofSeconds(5), Duration.ofSeconds(30), false, CallLimits.DEFAULTS, null,
            TransferThroughput.DEFAULT.minimumBytes(), TransferThroughput.DEFAULT.period(),
            ResilienceSettingsResolver.resolve("ctera.portals.main", new PortalProperties(), new PortalProperties(),
                    new CteraRateLimitProperties())), "ctera.portals.main");

    private final CallContext call = new CallContext("main", CteraOperation.LOGIN);

    @Test
    void failuresAboutTheRequestLeaveTheStateAlone() {
        call(Mono.error(new CteraNotFoundException("users.get", 404, "no such user", null)));
        assertThat(this.log.state()).isEqualTo(PortalStateLog.State.UNKNOWN);
    }

    @Test
    void oneWarningIntoAFailureAndOneInfoOutOfIt(CapturedOutput output) {
        call(Mono.just("ok"));
        for (int i = 0; i < 3; i++) {
            call(Mono.error(new CteraTransportException("users.query", 0, "cannot connect", null)));
        }
        assertThat(this.log.state()).isEqualTo(PortalStateLog.State.UNREACHABLE);
        call(Mono.just("ok"));
        call(Mono.just("ok"));
        assertThat(output.getOut().split("is unreachable: cannot connect", -1)).hasSize(2);
        assertThat(output.getOut().split("answers again", -1)).hasSize(2);
        assertThat(output.getOut()).doesNotContain("S3cret-pw");
    }

    private void call(Mono<String> outcome) {
        this.log.intercept(this.call, outcome).onErrorResume((error) -> Mono.empty()).block();
    }
}
