package com.ctera.client.observation;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraPortal;
import com.ctera.client.CteraPortalBuilder;
import com.ctera.client.CteraServerException;
import com.ctera.client.CteraThrottledException;
import com.ctera.client.CteraTransportException;
import com.ctera.client.PortalContext;
import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.CallInterceptor;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented {@code ctera.client.requests} observation: one per call, its keys, and the meters of call events. */
class ObservationInterceptorTest {

    private static final String NAME = "ctera.client.requests";

    private static CteraPortalSimulator simulator;

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void aSuccessfulCallIsOneObservationWithLowCardinalityKeysOnly() {
        String user = simulator.endUserCredentials().username();
        try (CteraPortal portal = portal("main").build()) {
            portal.users().get(user);
        }
        assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
            .hasObservationWithNameEqualTo(NAME)
            .that()
            .hasContextualNameEqualTo("ctera users.get")
            .hasLowCardinalityKeyValue("portal", "main")
            .hasLowCardinalityKeyValue("operation", "users.get")
            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
            .hasLowCardinalityKeyValue("status", "200")
            .hasLowCardinalityKeyValue("error.type", "none")
            .hasHighCardinalityKeyValue("ctera.retries", "0")
            .doesNotHaveError()
            .hasBeenStarted()
            .hasBeenStopped();
        assertThat(this.registry).hasObservationWithNameEqualTo(NAME).that().satisfies((context) -> assertThat(
                context.getLowCardinalityKeyValues().stream().map((keyValue) -> keyValue.getValue()))
            .doesNotContain(user, "/users/" + user));
    }

    @Test
    void aNotFoundIsAClientErrorOfTypeOther() {
        try (CteraPortal portal = portal("main").build()) {
            assertThatThrownBy(() -> portal.users().delete("nobody-here")).isInstanceOf(CteraNotFoundException.class);
        }
        assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
            .that()
            .hasLowCardinalityKeyValue("operation", "users.delete")
            .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
            .hasLowCardinalityKeyValue("status", "404")
            .hasLowCardinalityKeyValue("error.type", "other")
            .hasError()
            .hasBeenStopped();
    }

    @Test
    void aServerErrorAndAThrottledAnswerHaveTheirErrorTypes() {
        try (CteraPortal portal = portal("main").build()) {
            portal.session();
            simulator.faults().inject(FaultRule.forOperation("users.get").status(503));
            assertThatThrownBy(() -> portal.users().get("anyone")).isInstanceOf(CteraServerException.class);
            simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ofSeconds(1)));
            assertThatThrownBy(() -> portal.users().get("anyone")).isInstanceOf(CteraThrottledException.class);
        }
        assertThat(this.registry).hasAnObservation((observation) -> observation
            .hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
            .hasLowCardinalityKeyValue("status", "503")
            .hasLowCardinalityKeyValue("error.type", "server"))
            .hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("status", "429")
                .hasLowCardinalityKeyValue("error.type", "throttling"));
    }

    @Test
    void aTimeoutIsAClientTimeoutWithNoStatus() {
        try (CteraPortal portal = portal("main").readTimeout(Duration.ofMillis(300)).build()) {
            portal.session();
            this.registry.clear(); // the log-in is a call of its own; only what follows is under test
            simulator.faults().inject(FaultRule.forOperation("users.get").delay(Duration.ofSeconds(2)));
            assertThatThrownBy(() -> portal.users().get("anyone")).isInstanceOf(CteraTransportException.class);
        }
        assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
            .that()
            .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
            .hasLowCardinalityKeyValue("status", "none")
            .hasLowCardinalityKeyValue("error.type", "client_timeout");
    }

    @Test
    void aCallTheCallerCancelsIsStoppedAsUnknownWithoutAnError() {
        String user = simulator.endUserCredentials().username();
        try (CteraPortal portal = portal("main").build()) {
            portal.session();
            this.registry.clear(); // the log-in is a call of its own; only what follows is under test
            simulator.faults().inject(FaultRule.forOperation("users.get").delay(Duration.ofSeconds(2)));
            assertThatThrownBy(() -> portal.reactive().users().get(user).timeout(Duration.ofMillis(200))
                .block(Duration.ofSeconds(5))).hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        }
        assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
            .that()
            .hasBeenStopped()
            .doesNotHaveError()
            .hasLowCardinalityKeyValue("outcome", "UNKNOWN")
            .hasLowCardinalityKeyValue("status", "none")
            .hasLowCardinalityKeyValue("error.type", "none");
        assertThat(this.meters.get(MicrometerCallMetrics.RETRIES).tags("outcome", "UNKNOWN").summary().count())
            .isEqualTo(1);
    }

    @Test
    void anUnreachablePortalIsAnIoError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CteraPortal portal = CteraPortal.builder()
            .name("gone")
            .baseUrl("http://127.0.0.1:" + closedPort)
            .credentials("admin", "secret")
            .connectTimeout(Duration.ofMillis(500))
            .interceptor(new ObservationInterceptor(this.registry))
            .build()) {
            assertThatThrownBy(() -> portal.users().get("anyone")).isInstanceOf(CteraTransportException.class);
        }
        assertThat(this.registry).hasObservationWithNameEqualTo(NAME)
            .that()
            .hasLowCardinalityKeyValue("portal", "gone")
            .hasLowCardinalityKeyValue("error.type", "io")
            .hasLowCardinalityKeyValue("status", "none");
    }

    @Test
    void innerStagesReportRetriesLimiterWaitsAndBytesThroughCallEvents() {
        simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ZERO));
        String user = simulator.endUserCredentials().username();
        try (CteraPortal portal = portal("main").interceptor(new RetryThrottledOnce())
            .interceptor(new FakeLimiter(Duration.ofMillis(40)))
            .interceptor(new FakeTransfer(100, 250))
            .build()) {
            assertThat(portal.users().get(user).name()).isEqualTo(user);
        }
        assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 1)
            .hasObservationWithNameEqualTo(NAME)
            .that()
            .hasLowCardinalityKeyValue("outcome", "SUCCESS")
            .hasHighCardinalityKeyValue("ctera.retries", "1")
            .doesNotHaveLowCardinalityKeyValueWithKey("retries");
        DistributionSummary retries = this.meters.get(MicrometerCallMetrics.RETRIES)
            .tags("portal", "main", "operation", "users.get", "outcome", "SUCCESS")
            .summary();
        assertThat(retries.count()).isEqualTo(1);
        assertThat(retries.totalAmount()).isEqualTo(1.0);
        Timer waits = this.meters.get(MicrometerCallMetrics.RATE_LIMITER_WAIT)
            .tags("portal", "main", "operation", "users.get")
            .timer();
        assertThat(waits.count()).as("one permit per attempt").isEqualTo(2);
        assertThat(waits.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(80.0);
        assertThat(this.meters.get(MicrometerCallMetrics.TRANSFER).tags("direction", "sent").counter().count())
            .isEqualTo(200.0);
        assertThat(this.meters.get(MicrometerCallMetrics.TRANSFER).tags("direction", "received").counter().count())
            .isEqualTo(500.0);
    }

    @Test
    void loginsAndReLoginsAreCountedOnceEach() {
        try (CteraPortal portal = portal("main").build()) {
            portal.users().get(simulator.endUserCredentials().username());
            portal.users().get(simulator.endUserCredentials().username());
            simulator.expireAllSessions();
            portal.users().get(simulator.endUserCredentials().username());
        }
        assertThat(this.meters.get(MicrometerCallMetrics.LOGINS).tags("portal", "main", "kind", "initial").counter()
            .count()).isEqualTo(1.0);
        assertThat(this.meters.get(MicrometerCallMetrics.LOGINS).tags("portal", "main", "kind", "renewal").counter()
            .count()).isEqualTo(1.0);
    }

    @Test
    void eachHttpExchangeIsAChildOfTheCall() {
        simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ZERO));
        try (CteraPortal portal = portal("main").httpObservations(this.registry, null)
            .interceptor(new RetryThrottledOnce())
            .build()) {
            portal.users().get(simulator.endUserCredentials().username());
        }
        // Every exchange of the call (login, the bootstrap's currentSession, currentPortal, version, rolesSettings
        // and tenant browse, both attempts) nests under it; the logout of close() belongs to no call.
        assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
            var exchanges = contexts.stream()
                .filter((context) -> "http.client.requests".equals(context.getName()))
                .filter((context) -> !String.valueOf(context.getHighCardinalityKeyValue("http.url")).contains("logout"))
                .toList();
            assertThat(exchanges).hasSize(8)
                .allSatisfy((exchange) -> assertThat(exchange.getParentObservation()).isNotNull()
                    .extracting((parent) -> parent.getContextView().getName())
                    .isEqualTo(NAME));
        });
    }

    @Test
    void eachHttpExchangeEndsBeforeItsCall() {
        List<String> stopped = new CopyOnWriteArrayList<>();
        this.registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context.getName());
            }
        });
        simulator.faults().inject(FaultRule.forOperation("users.get").tooManyRequests(Duration.ZERO));
        List<String> beforeClose;
        try (CteraPortal portal = portal("main").httpObservations(this.registry, null)
            .interceptor(new RetryThrottledOnce())
            .build()) {
            portal.users().get(simulator.endUserCredentials().username());
            beforeClose = List.copyOf(stopped);
        }
        // A span that outlived its parent would show the exchange after the call in a trace.
        assertThat(beforeClose).endsWith(NAME).containsOnlyOnce(NAME).contains("http.client.requests");
    }

    @Test
    void aBlockingCallerInsideAnObservationGetsTheCallAsAChild() {
        Observation outer = Observation.start("business.operation", this.registry);
        try (CteraPortal portal = portal("main").build(); Observation.Scope scope = outer.openScope()) {
            portal.users().get(simulator.endUserCredentials().username());
        }
        outer.stop();
        assertThat(this.registry).hasObservationWithNameEqualTo(NAME).that().hasParentObservationEqualTo(outer);
    }

    @Test
    void aCustomConventionRenamesAndRetags() {
        CteraObservationConvention custom = new DefaultCteraObservationConvention() {
            @Override
            public String getName() {
                return "portal.calls";
            }

            @Override
            protected io.micrometer.common.KeyValue portal(CteraRequestContext context) {
                return io.micrometer.common.KeyValue.of("portal", "renamed");
            }
        };
        try (CteraPortal portal = CteraPortal.builder()
            .name("main")
            .baseUrl(simulator.baseUrl())
            .credentials(simulator.adminCredentials().username(), simulator.adminCredentials().password())
            .interceptor(new ObservationInterceptor(this.registry, custom, CallMetrics.NONE))
            .build()) {
            portal.session();
            this.registry.clear(); // the log-in is a call of its own; only what follows is under test
            portal.users().get(simulator.endUserCredentials().username());
        }
        assertThat(this.registry).hasObservationWithNameEqualTo("portal.calls")
            .that()
            .hasLowCardinalityKeyValue("portal", "renamed")
            .hasLowCardinalityKeyValue("operation", "users.get");
    }

    @Test
    void checkSessionMakesARealObservedRoundTripEachTime() {
        try (CteraPortal portal = portal("main").build()) {
            portal.session();
            this.registry.clear(); // the log-in is a call of its own; only what follows is under test
            long before = simulator.requests().count("currentSession");
            assertThat(portal.reactive().checkSession().block(Duration.ofSeconds(5)).username())
                .isEqualTo(simulator.adminCredentials().username());
            portal.reactive().checkSession().block(Duration.ofSeconds(5));
            assertThat(simulator.requests().count("currentSession")).isEqualTo(before + 2);
        }
        assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 2)
            .hasObservationWithNameEqualTo(NAME)
            .that()
            .hasLowCardinalityKeyValue("operation", "currentSession");
    }

    @Test
    void aNoopRegistryLeavesTheCallUntouched() {
        Mono<String> next = Mono.just("answer");
        Mono<String> wrapped = new ObservationInterceptor(ObservationRegistry.NOOP)
            .intercept(new CallContext("main", com.ctera.client.CteraOperation.USERS_GET), next);
        assertThat(wrapped).isSameAs(next);
    }

    private CteraPortalBuilder portal(String name) {
        return CteraPortal.builder()
            .name(name)
            .baseUrl(simulator.baseUrl())
            .context(PortalContext.ADMIN)
            .tenant(simulator.defaultTenant())
            .credentials(simulator.adminCredentials().username(), simulator.adminCredentials().password())
            .readTimeout(Duration.ofSeconds(5))
            .interceptor(new ObservationInterceptor(this.registry, null, new MicrometerCallMetrics(this.meters)));
    }

    /** A stand-in for the retry stage: repeats a throttled call once, and says so. */
    private static final class RetryThrottledOnce implements CallInterceptor {

        @Override
        public int order() {
            return RETRY_ORDER;
        }

        @Override
        public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
            return next.onErrorResume(CteraThrottledException.class,
                    (error) -> CallEvents.notify((events) -> events.retrying(2, error, Duration.ZERO)).then(next));
        }
    }

    /** A stand-in for the rate limiter: every attempt "waited" this long for its permit. */
    private record FakeLimiter(Duration permitWait) implements CallInterceptor {

        @Override
        public int order() {
            return RATE_LIMITER_ORDER;
        }

        @Override
        public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
            return CallEvents.notify((events) -> events.rateLimited(this.permitWait)).then(next);
        }
    }

    /** A stand-in for a file transfer: every attempt moved these bytes. */
    private record FakeTransfer(long sent, long received) implements CallInterceptor {

        @Override
        public int order() {
            return RATE_LIMITER_ORDER + 1;
        }

        @Override
        public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
            return next.flatMap((value) -> CallEvents.notify((events) -> events.transferred(this.sent, this.received))
                .thenReturn(value))
                .onErrorResume((error) -> CallEvents.notify((events) -> events.transferred(this.sent, this.received))
                    .then(Mono.error(error)));
        }
    }
}
