package com.ctera.sample;

import com.ctera.test.SecretScanner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.ctera.autoconfigure.simulator.EmbeddedPortalSimulator;
import com.ctera.client.CteraPortal;
import com.ctera.client.PortalContext;
import com.ctera.client.events.CteraChangeEvent;
import com.ctera.client.events.EventFilter;
import com.ctera.client.webhooks.WebhookEndpoint;
import com.ctera.client.webhooks.WebhookManager;
import com.ctera.client.webhooks.WebhookSecret;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The secrets scan: the sample app runs at DEBUG through logins (accepted and refused), portal failures, a bulk
 * import and webhook deliveries; then every log line, exception message, {@code toString()} and Actuator answer is
 * searched for each password, bearer token, session cookie and webhook secret that was used. None may appear.
 * {@link SecretScannerTests} shows that the scanner finds a secret that is printed.
 */
// A context of its own (DEBUG logging, every Actuator endpoint, a second portal with a bearer token that is never
// reachable), so the output captured from before its start holds its whole life.
@Import(RecordedChanges.Registration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "logging.level.com.ctera=DEBUG", "logging.level.reactor.netty=DEBUG",
                "logging.level.org.springframework.web=DEBUG", "management.endpoints.web.exposure.include=*",
                "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
                "ctera.health.timeout=20s", "ctera.events.longpoll-timeout=1s", "ctera.events.lease-time=5s",
                "sample.webhook-secret=" + SecretsScanTests.WEBHOOK_SECRET, "ctera.simulator.enabled=true", "ctera.primary=embedded",
                "ctera.portals.robot.url=https://127.0.0.1:9",
                "ctera.portals.robot.bearer-token=" + SecretsScanTests.ROBOT_TOKEN })
@AutoConfigureWebTestClient(timeout = "30s")
@ExtendWith(OutputCaptureExtension.class)
class SecretsScanTests {

    static final String WEBHOOK_SECRET = "whsec_c2VjcmV0cy1zY2FuLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3";

    static final String ROBOT_TOKEN = "robot-token-5f2c9e71d4a8b360";

    /** Signs deliveries to the app's own receiver, which only knows {@link #WEBHOOK_SECRET}: each is refused. */
    private static final String FOREIGN_WEBHOOK_SECRET = "whsec_Zm9yZWlnbi13ZWJob29rLXNlY3JldC1hYmNkZWZnaGlqa2xt";

    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd-8c1e";

    private static final String CSV_PASSWORD = "Csv-Passw0rd-3d7b-";

    @Autowired
    private WebTestClient client;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private CteraPortal portal;

    @Autowired
    private EmbeddedPortalSimulator embedded;

    @Autowired
    private WebhookManager webhooks;

    @Autowired
    private RecordedChanges changes;

    /** Exception messages, {@code toString()}s and HTTP answers seen, by where they came from. */
    private final Map<String, String> seen = new LinkedHashMap<>();

    /** Session ids and bearer tokens the simulator held at some point of the run. */
    private final Set<String> credentials = new LinkedHashSet<>();

    @Test
    void noSecretAppearsInLogsExceptionsToStringsOrActuator(CapturedOutput output) throws Exception {
        CteraPortalSimulator simulator = this.embedded.simulator();
        SimulatorCredentials admin = simulator.adminCredentials();
        SimulatorCredentials user = simulator.endUserCredentials();
        String bearer = simulator.issueBearerToken(user.username());

        loginsAcceptedAndRefused(simulator, user, bearer);
        // Webhooks first: the portal failures below open the portal's circuit breaker, which pauses the change feed.
        webhookDeliveries(simulator, user);
        bulkImport(simulator);
        portalFailures(simulator);
        actuatorAnswers();
        beanToStrings();
        rememberSimulatorCredentials(simulator);

        SecretScanner scanner = new SecretScanner().secret("admin password", admin.password())
            .secret("user password", user.password())
            .secret("refused password", WRONG_PASSWORD)
            .secret("bearer token", bearer)
            .secret("robot bearer token", ROBOT_TOKEN)
            .secret("webhook secret", WEBHOOK_SECRET)
            .secret("foreign webhook secret", FOREIGN_WEBHOOK_SECRET);
        for (int i = 0; i < 5; i++) {
            scanner.secret("imported user password " + i, CSV_PASSWORD + i);
        }
        int n = 0;
        for (String credential : this.credentials) {
            scanner.secret("simulator session or token " + n++, credential);
        }
        assertThat(this.credentials).as("session ids seen").hasSizeGreaterThan(2);

        String logs = output.getAll();
        assertThat(logs).as("DEBUG lines of the client and of Reactor Netty were captured")
            .contains("DEBUG", "com.ctera.", "reactor.netty");
        List<String> findings = new ArrayList<>(scanner.scan("log output", logs));
        this.seen.forEach((source, text) -> findings.addAll(scanner.scan(source, text)));
        assertThat(findings).as("secrets found (%d secrets searched in %d log lines and %d answers)", scanner.size(),
                logs.lines().count(), this.seen.size())
            .isEmpty();
    }

    private void loginsAcceptedAndRefused(CteraPortalSimulator simulator, SimulatorCredentials user, String bearer) {
        this.portal.session();
        rememberSimulatorCredentials(simulator);
        try (CteraPortal accepted = endUserPortal(simulator, user.username(), user.password())) {
            accepted.files().mkdir("My Files/secrets-scan-login");
            rememberSimulatorCredentials(simulator);
            this.seen.put("accepted portal toString", accepted.toString());
        }
        try (CteraPortal refused = endUserPortal(simulator, user.username(), WRONG_PASSWORD)) {
            remember("refused login", assertThatException()
                .isThrownBy(() -> refused.files().mkdir("My Files/never")).actual());
            this.seen.put("refused portal toString", refused.toString());
        }
        try (CteraPortal robot = CteraPortal.builder().name("scan-bearer").baseUrl(simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL).bearerToken(bearer).build()) {
            robot.files().mkdir("My Files/secrets-scan-bearer");
            simulator.faults().inject(FaultRule.forPath("/ServicesPortal").times(1).status(401));
            remember("bearer call refused", assertThatException()
                .isThrownBy(() -> robot.files().mkdir("My Files/secrets-scan-bearer-2")).actual());
            this.seen.put("bearer portal toString", robot.toString());
        }
        finally {
            simulator.faults().clear();
        }
    }

    // Each fault reaches the app's own portal through GET /users; the retries may absorb some, the rest are 502s.
    private void portalFailures(CteraPortalSimulator simulator) {
        List<FaultRule> faults = List.of(FaultRule.forPath("/admin").times(4).status(500),
                FaultRule.forPath("/admin").times(4).connectionReset(),
                FaultRule.forPath("/admin").times(4).truncatedBody(),
                FaultRule.forPath("/admin").times(1).expireSession(),
                FaultRule.forOperation("login").times(4).status(500),
                FaultRule.forPath("/admin").times(4).tooManyRequests(Duration.ZERO));
        for (FaultRule fault : faults) {
            simulator.faults().inject(fault);
            try {
                this.seen.put("GET /users under " + fault, get("/users?limit=3"));
            }
            finally {
                simulator.faults().clear();
            }
            rememberSimulatorCredentials(simulator);
        }
        simulator.expireAllSessions();
        this.seen.put("GET /users after the sessions expired", get("/users?limit=3"));
        rememberSimulatorCredentials(simulator);
    }

    private void bulkImport(CteraPortalSimulator simulator) {
        StringBuilder csv = new StringBuilder("name,email,first_name,last_name,password\n");
        for (int i = 0; i < 5; i++) {
            csv.append("scanned").append(i).append(",scanned").append(i).append("@example.com,Scan,User").append(i)
                .append(',').append(CSV_PASSWORD).append(i).append('\n');
        }
        // Some items fail: the portal refuses two user creations outright.
        simulator.faults().inject(FaultRule.forPath("/admin").times(2).status(400));
        try {
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", new ByteArrayResource(csv.toString().getBytes()) {
                @Override
                public String getFilename() {
                    return "scanned.csv";
                }
            }).contentType(MediaType.parseMediaType("text/csv"));
            String events = this.client.post()
                .uri("/users/import?on-failure=continue&concurrency=2")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .collectList()
                .block()
                .toString();
            assertThat(events).as("the import ran to its result").contains("succeeded");
            this.seen.put("POST /users/import", events);
        }
        finally {
            simulator.faults().clear();
        }
    }

    // The poller turns a change into a Spring event and a delivery to the app's own receiver (seen twice, same id);
    // a second endpoint signs with a secret the receiver does not know, so its deliveries are refused.
    private void webhookDeliveries(CteraPortalSimulator simulator, SimulatorCredentials user) throws Exception {
        URI receiver = URI.create(this.client.get().uri("/").exchange().returnResult(String.class).getUrl()
            .resolve("/ctera/webhooks").toString());
        this.webhooks.register(WebhookEndpoint.of("foreign", receiver, WebhookSecret.parse(FOREIGN_WEBHOOK_SECRET),
                EventFilter.ALL));
        try (CteraPortal writer = endUserPortal(simulator, user.username(), user.password())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (int i = 0; !deliveredAndRefused() && System.nanoTime() < deadline; i++) {
                if (i % 50 == 0) {
                    writer.files().mkdir("My Files/secrets-scan-webhook-" + i);
                }
                Thread.sleep(100);
            }
            rememberSimulatorCredentials(simulator);
        }
        assertThat(deliveredAndRefused()).as("a delivery accepted by the receiver and one refused").isTrue();
        this.webhooks.list().forEach(registration -> this.seen.put("webhook " + registration.name(),
                registration.toString()));
        this.webhooks.target("self").ifPresent(target -> this.seen.put("webhook target", target.toString()));
    }

    private boolean deliveredAndRefused() {
        List<String> ids = this.changes.events.stream().map(CteraChangeEvent::id).toList();
        boolean delivered = ids.stream().distinct().count() < ids.size();
        boolean refused = this.webhooks.list().stream()
            .anyMatch(registration -> registration.name().equals("foreign") && registration.lastError() != null);
        return delivered && refused;
    }

    // Every endpoint Actuator lists, but the heap dump (the JVM's memory, secrets included, by design).
    private void actuatorAnswers() {
        String index = get("/actuator");
        this.seen.put("/actuator", index);
        Matcher href = Pattern.compile("\"href\":\"[^\"]*?(/actuator/[^\"{]*)\"")
            .matcher(index);
        Set<String> paths = new LinkedHashSet<>();
        while (href.find()) {
            paths.add(href.group(1));
        }
        paths.removeIf(path -> path.startsWith("/actuator/heapdump"));
        assertThat(paths).contains("/actuator/ctera", "/actuator/health", "/actuator/env", "/actuator/configprops",
                "/actuator/prometheus");
        // Resilience4j's *stream* endpoints answer nothing, not even headers, until an event occurs; the same events
        // are read from their non-streaming twins (circuitbreakerevents, ...).
        paths.removeIf(path -> path.contains("stream"));
        for (String path : paths) {
            this.seen.put(path, get(path));
        }
    }

    private void beanToStrings() {
        for (String name : this.context.getBeanDefinitionNames()) {
            Object bean = this.context.getBean(name);
            if (bean.getClass().getName().startsWith("com.ctera.")) {
                this.seen.put("toString of bean " + name, String.valueOf(bean));
            }
        }
    }

    private String get(String path) {
        return String.valueOf(this.client.get().uri(path).exchange().returnResult(String.class).getResponseBody()
            .collectList().block());
    }

    private void remember(String source, Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
            for (Throwable suppressed : cause.getSuppressed()) {
                text.append(suppressed).append('\n');
            }
        }
        this.seen.put(source, text.toString());
    }

    private static CteraPortal endUserPortal(CteraPortalSimulator simulator, String username, String password) {
        return CteraPortal.builder().name("scan-user").baseUrl(simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(username, password).build();
    }

    // The scan must know every session id and token that was handed out.
    private void rememberSimulatorCredentials(CteraPortalSimulator simulator) {
        this.credentials.addAll(simulator.issuedSecrets());
    }
}
