package com.ctera.simulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AdminEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CteraPortalSimulator simulator;
    private static PortalHttp http;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        http = new PortalHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void clear() {
        simulator.faults().clear();
    }

    private static HttpResponse<String> control(String method, String path, String json) throws Exception {
        return http.send(method, "/__simulator" + path, json, "Content-Type", "application/json");
    }

    @Test
    void faultsCanBeInjectedAndClearedOverHttp() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        HttpResponse<String> injected = control("POST", "/faults",
                "{\"operation\":\"version\",\"times\":2,\"action\":\"status\",\"status\":418}");
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(injected.body()).path("injected").asString()).contains("version");
        assertThat(admin.get("/version").statusCode()).isEqualTo(418);

        assertThat(control("DELETE", "/faults", null).statusCode()).isEqualTo(200);
        assertThat(admin.get("/version").statusCode()).isEqualTo(200);
    }

    @Test
    void everyActionIsAvailableOverHttp() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        control("POST", "/faults", "{\"path\":\"/admin/api/version\",\"action\":\"tooManyRequests\",\"retryAfterSeconds\":3}");
        HttpResponse<String> throttled = admin.get("/version");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("3");

        control("POST", "/faults", "{\"operation\":\"version\",\"action\":\"serviceUnavailable\",\"retryAfterSeconds\":4}");
        assertThat(admin.get("/version").headers().firstValue("Retry-After")).contains("4");

        control("POST", "/faults", "{\"operation\":\"version\",\"action\":\"delay\",\"delayMillis\":200}");
        long started = System.nanoTime();
        assertThat(admin.get("/version").statusCode()).isEqualTo(200);
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(200_000_000L);

        control("POST", "/faults", "{\"operation\":\"users.read\",\"action\":\"status\",\"status\":500,\"afterProcessing\":true}");
        assertThat(admin.get("/users/alice").statusCode()).isEqualTo(500);
        assertThat(simulator.requests().processed("users.read")).isEqualTo(1);

        for (String action : new String[] { "connectionReset", "truncatedBody" }) {
            // POST: the JDK client silently retries an idempotent GET whose reused connection was dropped.
            control("POST", "/faults", "{\"operation\":\"users.query\",\"action\":\"" + action + "\"}");
            PortalHttp fresh = new PortalHttp(simulator);
            PortalHttp.Session session = fresh.session("admin", simulator.adminCredentials());
            org.assertj.core.api.Assertions.assertThatExceptionOfType(java.io.IOException.class).as(action)
                .isThrownBy(() -> session.post("/users", PortalHttp.db("query", PortalHttp.queryParams(0, 5, "", ""))));
        }

        control("POST", "/faults", "{\"operation\":\"version\",\"action\":\"expireSession\"}");
        assertThat(admin.get("/version").statusCode()).isEqualTo(302);
        assertThat(admin.get("/currentSession").statusCode()).isEqualTo(302);
    }

    @Test
    void badFaultRequestsAre400() throws Exception {
        assertThat(control("POST", "/faults", "{\"action\":\"status\"}").statusCode()).isEqualTo(400);
        assertThat(control("POST", "/faults", "{\"operation\":\"x\",\"action\":\"explode\"}").statusCode()).isEqualTo(400);
        assertThat(control("POST", "/faults", "not json").statusCode()).isEqualTo(400);
        assertThat(control("PUT", "/rate-ceiling", "{}").statusCode()).isEqualTo(400);
        assertThat(control("GET", "/nothing-here", null).statusCode()).isEqualTo(404);
    }

    @Test
    void rateCeilingIsSetOverHttp() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        assertThat(control("PUT", "/rate-ceiling", "{\"requestsPerSecond\": 1}").statusCode()).isEqualTo(200);
        admin.get("/version");
        assertThat(admin.get("/version").statusCode()).isEqualTo(429);
        assertThat(control("PUT", "/rate-ceiling", "{\"requestsPerSecond\": 0}").statusCode()).isEqualTo(200);
        assertThat(admin.get("/version").statusCode()).isEqualTo(200);
    }

    @Test
    void requestCountsPerOperationAreReadable() throws Exception {
        simulator.requests().reset();
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        admin.get("/version");
        admin.get("/version");
        http.login("admin", new SimulatorCredentials("admin", "wrong"));
        JsonNode counts = JSON.readTree(control("GET", "/requests", null).body());
        assertThat(counts.path("total").asLong()).isEqualTo(4);
        assertThat(counts.path("operations").path("version").path("received").asLong()).isEqualTo(2);
        assertThat(counts.path("operations").path("version").path("processed").asLong()).isEqualTo(2);
        assertThat(counts.path("operations").path("login").path("received").asLong()).isEqualTo(2);
        assertThat(counts.path("operations").path("login").path("processed").asLong()).isEqualTo(1);
    }

    @Test
    void sessionsCanBeExpiredOverHttp() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        assertThat(control("POST", "/sessions/expire", null).statusCode()).isEqualTo(200);
        assertThat(admin.get("/version").statusCode()).isEqualTo(302);
    }
}
