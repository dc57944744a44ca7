package com.ctera.simulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateCeilingTest {

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void requestsAboveTheCeilingGet429WithRetryAfterOneUntilItIsLifted() throws Exception {
        PortalHttp http = new PortalHttp(simulator);
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        simulator.requests().reset();
        simulator.faults().requestRateCeiling(5);
        // The window starts empty, so the first five calls are admitted however slow they are.
        for (int i = 0; i < 5; i++) {
            assertThat(admin.get("/version").statusCode()).isEqualTo(200);
        }
        int calls = 5;
        HttpResponse<String> refused = null;
        while (refused == null && calls < 50) {
            HttpResponse<String> response = admin.get("/version");
            calls++;
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(refused).as("a 429 within 50 quick calls").isNotNull();
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(simulator.requests().count("version")).isEqualTo(calls);
        assertThat(simulator.requests().processed("version")).isBetween(5L, calls - 1L);

        simulator.faults().requestRateCeiling(0);
        for (int i = 0; i < 10; i++) {
            assertThat(admin.get("/version").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theWindowSlides() {
        RateCeiling ceiling = new RateCeiling();
        ceiling.set(2);
        long second = 1_000_000_000L;
        assertThat(ceiling.tryAdmit(0)).isTrue();
        assertThat(ceiling.tryAdmit(second / 2)).isTrue();
        assertThat(ceiling.tryAdmit(second / 2 + 1)).isFalse();
        // The first admission leaves the window; the one at 0.5 s is still in it.
        assertThat(ceiling.tryAdmit(second)).isTrue();
        assertThat(ceiling.tryAdmit(second + 1)).isFalse();
        assertThat(ceiling.tryAdmit(2 * second)).isTrue();
        ceiling.set(-1);
        for (int i = 0; i < 100; i++) {
            assertThat(ceiling.tryAdmit(2 * second)).isTrue();
        }
    }

    @Test
    void aFractionalCeilingStillAdmitsOneRequestASecond() {
        RateCeiling ceiling = new RateCeiling();
        ceiling.set(0.5);
        assertThat(ceiling.tryAdmit(0)).isTrue();
        assertThat(ceiling.tryAdmit(10)).isFalse();
    }
}
