package com.ctera.simulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator against hostile HTTP clients (issue 21): every request is answered with a status, none drops the
 * connection or exhausts the server, and nothing is buffered for a caller who has not authenticated.
 */
class HostileRequestsTest {

    private static CteraPortalSimulator simulator;

    private static PortalHttp http;

    private static PortalHttp.Session admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withSeed(false));
        http = new PortalHttp(simulator);
        admin = http.session("admin", simulator.adminCredentials());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void xmlNestedOneHundredThousandDeepIsRefusedWith400() throws Exception {
        int depth = 100_000;
        String xml = "<list>".repeat(depth) + "</list>".repeat(depth);
        HttpResponse<String> answer = admin.post("/users", xml);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("nested deeper than " + 100 + " levels");
        // The connection and the server survived: the next call is served.
        assertThat(admin.get("/version").statusCode()).isEqualTo(200);
    }

    @Test
    void aDoctypeIsRefusedEvenWithAParameterEntity() throws Exception {
        String[] documents = {
            "<!DOCTYPE obj [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><obj/>",
            "<!DOCTYPE obj [<!ENTITY e \"boom\">]><obj><att id=\"type\"><val>&e;</val></att></obj>",
            "<!DOCTYPE obj><obj/>" };
        for (String document : documents) {
            HttpResponse<String> answer = admin.post("/users", document);
            assertThat(answer.statusCode()).as(document).isEqualTo(400);
            assertThat(answer.body()).as(document).containsIgnoringCase("DOCTYPE");
        }
    }

    @Test
    void aBodyOverSixteenMebibytesIsRefusedWith413() throws Exception {
        String body = "<obj>" + " ".repeat(PortalHandler.MAX_BODY) + "</obj>";
        HttpResponse<String> answer = admin.post("/users", body);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(admin.get("/version").statusCode()).isEqualTo(200);
    }

    @Test
    void aLargeBodyFromAnUnauthenticatedCallerIsRefusedBeforeItIsRead() throws Exception {
        String body = "<obj>" + " ".repeat(PortalHandler.MAX_ANONYMOUS_BODY) + "</obj>";
        HttpResponse<String> answer = http.send("POST", "/admin/api/users", body, "Content-Type", "text/plain");
        // The same refusal as any unauthenticated call: the session-expiry redirect to the login page.
        assertThat(answer.statusCode()).isEqualTo(302);
        HttpResponse<String> bearer = http.send("POST", "/admin/api/users", body, "Authorization",
                "Bearer not-a-token");
        assertThat(bearer.statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHttpOnly() throws Exception {
        HttpResponse<String> login = http.login("admin", simulator.adminCredentials());
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("; HttpOnly")
            .doesNotContain("Secure");
    }
}
