package com.ctera.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.db;
import static com.ctera.simulator.PortalHttp.queryParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultInjectionTest {

    private static final String QUERY = db("query", queryParams(0, 50, "<val>email</val>", ""));

    private static CteraPortalSimulator simulator;
    private PortalHttp http;
    private PortalHttp.Session admin;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void login() throws Exception {
        // A fresh client per test so a dropped connection never leaks into the next one.
        this.http = new PortalHttp(simulator);
        this.admin = this.http.session("admin", simulator.adminCredentials());
        simulator.requests().reset();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    private static String addUser(String name) {
        return db("add", "<obj class=\"PortalUser\"><att id=\"name\"><val>" + name
                + "</val></att><att id=\"role\"><val>EndUser</val></att></obj>");
    }

    @Test
    void statusFaultAnswersWithoutProcessingThenClearsAfterOneUse() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.add").status(500));
        HttpResponse<String> failed = this.admin.post("/users", addUser("fault.status"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(PortalHttp.parseObj(failed).text("msg")).isPresent();
        assertThat(simulator.state().userExists("acme", "fault.status")).isFalse();
        assertThat(simulator.requests().count("users.add")).isEqualTo(1);
        assertThat(simulator.requests().processed("users.add")).isZero();

        assertThat(this.admin.post("/users", addUser("fault.status")).statusCode()).isEqualTo(200);
        assertThat(simulator.requests().processed("users.add")).isEqualTo(1);
    }

    @Test
    void timesAppliesTheRuleToTheNextNMatchingRequestsOnly() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.query").status(502).times(3));
        assertThat(this.admin.get("/version").statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(this.admin.post("/users", QUERY).statusCode()).isEqualTo(502);
        }
        assertThat(this.admin.post("/users", QUERY).statusCode()).isEqualTo(200);
        assertThat(simulator.requests().count("users.query")).isEqualTo(4);
        assertThat(simulator.requests().processed("users.query")).isEqualTo(1);
    }

    @Test
    void pathRulesMatchByPrefix() throws Exception {
        simulator.faults().inject(FaultRule.forPath("/admin/api/users").status(404).times(2));
        assertThat(this.admin.get("/users/alice").statusCode()).isEqualTo(404);
        assertThat(this.admin.get("/version").statusCode()).isEqualTo(200);
        assertThat(this.admin.post("/users", QUERY).statusCode()).isEqualTo(404);
        assertThat(this.admin.get("/users/alice").statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsAndServiceUnavailableCarryRetryAfterInWholeSeconds() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.query").tooManyRequests(Duration.ofMillis(1500)));
        simulator.faults().inject(FaultRule.forOperation("users.query").serviceUnavailable(Duration.ofSeconds(7)));
        HttpResponse<String> throttled = this.admin.post("/users", QUERY);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("2");
        HttpResponse<String> unavailable = this.admin.post("/users", QUERY);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("7");
        assertThat(simulator.requests().processed("users.query")).isZero();
    }

    @Test
    void delayProcessesThenHoldsTheAnswer() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("version").delay(Duration.ofMillis(400)));
        long started = System.nanoTime();
        HttpResponse<String> response = this.admin.get("/version");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(400);
        assertThat(simulator.requests().processed("version")).isEqualTo(1);
    }

    @Test
    void connectionResetFailsTheClientAndSkipsProcessing() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.add").connectionReset());
        assertThatExceptionOfType(IOException.class)
            .isThrownBy(() -> this.admin.post("/users", addUser("fault.reset")));
        assertThat(simulator.state().userExists("acme", "fault.reset")).isFalse();
        assertThat(simulator.requests().count("users.add")).isEqualTo(1);
        assertThat(simulator.requests().processed("users.add")).isZero();
    }

    @Test
    void connectionResetAfterProcessingLosesTheAnswerButKeepsTheEffect() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.add").connectionReset().afterProcessing());
        assertThatExceptionOfType(IOException.class)
            .isThrownBy(() -> this.admin.post("/users", addUser("fault.lost")));
        assertThat(simulator.state().userExists("acme", "fault.lost")).isTrue();
        assertThat(simulator.requests().processed("users.add")).isEqualTo(1);
    }

    @Test
    void statusAfterProcessingReportsAFailureThatTookEffect() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.add").status(504).afterProcessing());
        assertThat(this.admin.post("/users", addUser("fault.after")).statusCode()).isEqualTo(504);
        assertThat(simulator.state().userExists("acme", "fault.after")).isTrue();
        assertThat(this.admin.post("/users", addUser("fault.after")).statusCode()).isEqualTo(409);
    }

    @Test
    void truncatedBodyProcessesThenCutsTheAnswerShort() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.query").truncatedBody());
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.admin.post("/users", QUERY));
        assertThat(simulator.requests().processed("users.query")).isEqualTo(1);
        assertThat(this.http.session("admin", simulator.adminCredentials()).post("/users", QUERY).statusCode())
            .isEqualTo(200);
    }

    @Test
    void truncatedBodySendsHalfOfTheAnnouncedLength() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.read").truncatedBody());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", simulator.port())) {
            socket.setSoTimeout(5000);
            String request = "GET /admin/api/users/alice HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + this.admin.cookie()
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] received = socket.getInputStream().readAllBytes();
            String text = new String(received, java.nio.charset.StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
            assertThat(length.find()).isTrue();
            int announced = Integer.parseInt(length.group(1));
            int bodyBytes = received.length - (headerEnd + 4);
            assertThat(bodyBytes).isEqualTo(announced / 2).isLessThan(announced);
        }
    }

    @Test
    void expireSessionInvalidatesTheCallersSessionAndAnswersTheRedirect() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("users.query").expireSession());
        HttpResponse<String> expired = this.admin.post("/users", QUERY);
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).contains("/ServicesPortal/login.html");
        assertThat(this.admin.get("/version").statusCode()).isEqualTo(302);
        assertThat(simulator.requests().processed("users.query")).isZero();
    }

    @Test
    void faultsApplyToLoginToo() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("login").serviceUnavailable(Duration.ofSeconds(1)));
        assertThat(this.http.login("admin", simulator.adminCredentials()).statusCode()).isEqualTo(503);
        assertThat(this.http.login("admin", simulator.adminCredentials()).statusCode()).isEqualTo(200);
    }

    @Test
    void clearRemovesArmedRules() throws Exception {
        simulator.faults().inject(FaultRule.forOperation("version").status(500).times(5));
        simulator.faults().clear();
        assertThat(this.admin.get("/version").statusCode()).isEqualTo(200);
    }

    @Test
    void rulesValidateTheirArgumentsAndDescribeThemselves() {
        assertThatIllegalArgumentException().isThrownBy(() -> FaultRule.forOperation("x").times(0));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultRule.forOperation("x").status(42));
        assertThatIllegalArgumentException().isThrownBy(() -> FaultRule.forOperation("x").delay(Duration.ofMillis(-1)));
        assertThat(FaultRule.forPath("/admin").status(503).times(2).afterProcessing().toString())
            .contains("/admin", "times=2", "503", "afterProcessing");
    }
}
