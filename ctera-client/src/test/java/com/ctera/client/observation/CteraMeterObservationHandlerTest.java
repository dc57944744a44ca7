package com.ctera.client.observation;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientHttpObservationDocumentation;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraServerException;
import com.ctera.client.pipeline.CallContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kept-meter handler records exactly what Micrometer's generic handler records, and finds meters once. */
class CteraMeterObservationHandlerTest {

    private static final CallContext GET = new CallContext("main", CteraOperation.USERS_GET);

    private static final CallContext DELETE = new CallContext("main", CteraOperation.USERS_DELETE);

    @Test
    void recordsTheSameMetersAndCountsAsTheGenericHandler() {
        SimpleMeterRegistry generic = new SimpleMeterRegistry();
        SimpleMeterRegistry kept = new SimpleMeterRegistry();
        runTheSameCalls(observations(new DefaultMeterObservationHandler(generic)));
        runTheSameCalls(observations(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new CteraMeterObservationHandler(kept), new DefaultMeterObservationHandler(kept))));
        assertThat(counts(kept)).isEqualTo(counts(generic)).isNotEmpty();
        assertThat(counts(kept)).containsEntry("timer ctera.client.requests error=none error.type=none "
                + "operation=users.get outcome=SUCCESS portal=main status=200", 5L)
            .containsEntry("timer ctera.client.requests error=CteraNotFoundException error.type=other "
                    + "operation=users.delete outcome=CLIENT_ERROR portal=main status=404", 2L)
            .containsEntry("timer ctera.client.requests error=CteraServerException error.type=server "
                    + "operation=users.get outcome=SERVER_ERROR portal=main status=500", 1L);
    }

    @Test
    void recordsTheSameExchangeMetersAsTheGenericHandler() {
        SimpleMeterRegistry generic = new SimpleMeterRegistry();
        SimpleMeterRegistry kept = new SimpleMeterRegistry();
        runTheSameExchanges(observations(new DefaultMeterObservationHandler(generic)));
        CteraMeterObservationHandler handler = new CteraMeterObservationHandler(kept);
        runTheSameExchanges(observations(new ObservationHandler.FirstMatchingCompositeObservationHandler(handler,
                new DefaultMeterObservationHandler(kept))));
        assertThat(counts(kept)).isEqualTo(counts(generic)).isNotEmpty();
        assertThat(counts(kept)).containsEntry("timer http.client.requests client.name=portal.example error=none "
                + "exception=none method=POST outcome=SUCCESS status=200 uri=none", 3L)
            .containsEntry("timer http.client.requests client.name=portal.example error=none exception=none "
                    + "method=GET outcome=CLIENT_ERROR status=404 uri=none", 1L);
        // Kept: an active timer per method (tagged at the start) and a timer per answered kind; the refused
        // connection's timer, tagged with its error, is looked up instead.
        assertThat(handler.keptTagSets()).isEqualTo(4);
    }

    @Test
    void theActiveTimerCountsACallInFlightUntilItEnds() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationInterceptor stage = new ObservationInterceptor(
                observations(new CteraMeterObservationHandler(meters)), null, CallMetrics.NONE);
        Sinks.One<String> answer = Sinks.one();
        var subscription = stage.intercept(GET, answer.asMono()).subscribe();
        LongTaskTimer active = meters.get("ctera.client.requests.active").longTaskTimer();
        assertThat(active.activeTasks()).isEqualTo(1);
        answer.tryEmitValue("done");
        assertThat(active.activeTasks()).isZero();
        assertThat(meters.get("ctera.client.requests").timer().count()).isEqualTo(1);
        subscription.dispose();
    }

    @Test
    void withoutLongTaskTimersThereIsNoActiveTimer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationInterceptor stage = new ObservationInterceptor(
                observations(new CteraMeterObservationHandler(meters, false)), null, CallMetrics.NONE);
        stage.intercept(GET, Mono.just("done")).block();
        assertThat(meters.find("ctera.client.requests.active").meters()).isEmpty();
        assertThat(meters.get("ctera.client.requests").timer().count()).isEqualTo(1);
    }

    @Test
    void findsEachMeterOnceAndTimesTheWholeCall() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CteraMeterObservationHandler handler = new CteraMeterObservationHandler(meters);
        ObservationInterceptor stage = new ObservationInterceptor(observations(handler), null, CallMetrics.NONE);
        for (int i = 0; i < 100; i++) {
            stage.intercept(GET, Mono.just("done")).block();
        }
        stage.intercept(GET, Mono.just("late").delayElement(Duration.ofMillis(50))).block();
        // One timer for the successful calls and one long-task timer for the running ones.
        assertThat(handler.keptTagSets()).isEqualTo(2);
        Timer timer = meters.get("ctera.client.requests").timer();
        assertThat(timer.count()).isEqualTo(101);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(50);
    }

    @Test
    void callsAreTimedWhateverTheRegistryMakesOfTheActiveTimer() {
        // A filter that denies the long-task timer gives a no-op one, whose samples time nothing; a composite
        // registry gives its own kind. The calls' timer must not depend on either.
        SimpleMeterRegistry denied = new SimpleMeterRegistry();
        denied.config().meterFilter(MeterFilter.denyNameStartsWith("ctera.client.requests.active"));
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        SimpleMeterRegistry child = new SimpleMeterRegistry();
        composite.add(child);
        for (MeterRegistry meters : List.of(denied, composite)) {
            ObservationInterceptor stage = new ObservationInterceptor(
                    observations(new CteraMeterObservationHandler(meters)), null, CallMetrics.NONE);
            stage.intercept(GET, Mono.just("late").delayElement(Duration.ofMillis(30))).block();
            Timer timer = meters.get("ctera.client.requests").timer();
            assertThat(timer.count()).isEqualTo(1);
            assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(30);
        }
        assertThat(child.get("ctera.client.requests").timer().totalTime(TimeUnit.MILLISECONDS))
            .isGreaterThanOrEqualTo(30);
    }

    @Test
    void handlesOnlyPortalCalls() {
        CteraMeterObservationHandler handler = new CteraMeterObservationHandler(new SimpleMeterRegistry());
        assertThat(handler.supportsContext(new CteraRequestContext(GET))).isTrue();
        assertThat(handler.supportsContext(new Observation.Context())).isFalse();
        ClientRequest.Builder request = ClientRequest.create(HttpMethod.GET, URI.create("https://portal.example/"));
        assertThat(handler.supportsContext(new PortalExchangeContext(request))).isTrue();
        assertThat(handler.supportsContext(new ClientRequestObservationContext(request))).isFalse();
    }

    @Test
    void otherObservationsStillReachTheGenericHandler() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = observations(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new CteraMeterObservationHandler(meters), new DefaultMeterObservationHandler(meters)));
        Observation.createNotStarted("http.server.requests", observations).observe(() -> {
        });
        assertThat(meters.get("http.server.requests").timer().count()).isEqualTo(1);
    }

    // Five successes, two not-founds, one server error and a cancelled call, as the same sequence in each registry.
    private static void runTheSameCalls(ObservationRegistry observations) {
        ObservationInterceptor stage = new ObservationInterceptor(observations, null, CallMetrics.NONE);
        for (int i = 0; i < 5; i++) {
            stage.intercept(GET, Mono.just("user")).block();
        }
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> stage.intercept(DELETE, Mono.error(new CteraNotFoundException("users.delete",
                    404, "no such user", null))).block()).isInstanceOf(CteraNotFoundException.class);
        }
        CteraServerException down = new CteraServerException("users.get", 500, "down", null);
        assertThatThrownBy(() -> stage.intercept(GET, Mono.error(down)).block()).isInstanceOf(CteraServerException.class);
        stage.intercept(GET, Mono.never()).subscribe().dispose();
    }

    // Three successes, a not-found and a refused connection, observed as the client's transport observes them.
    private static void runTheSameExchanges(ObservationRegistry observations) {
        for (int i = 0; i < 3; i++) {
            exchange(observations, HttpMethod.POST, 200, null);
        }
        exchange(observations, HttpMethod.GET, 404, null);
        exchange(observations, HttpMethod.GET, 0, new ConnectException("refused"));
    }

    private static void exchange(ObservationRegistry observations, HttpMethod method, int status,
            @Nullable Throwable error) {
        ClientRequest.Builder request = ClientRequest.create(method, URI.create("https://portal.example/admin/api"));
        PortalExchangeContext context = new PortalExchangeContext(request);
        Observation observation = ClientHttpObservationDocumentation.HTTP_REACTIVE_CLIENT_EXCHANGES
            .observation(null, new DefaultClientRequestObservationConvention(), () -> context, observations)
            .start();
        context.setRequest(request.build());
        if (error != null) {
            observation.error(error);
        }
        else {
            context.setResponse(ClientResponse.create(HttpStatusCode.valueOf(status)).build());
        }
        observation.stop();
    }

    private static ObservationRegistry observations(ObservationHandler<?> handler) {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(handler);
        return observations;
    }

    /** Every meter as "kind name tags" with its count, sorted. */
    private static Map<String, Long> counts(MeterRegistry registry) {
        Map<String, Long> counts = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String tags = String.join(" ", meter.getId().getTags().stream().map(tag -> tag.getKey() + "="
                    + tag.getValue()).toList());
            Function<Meter, Long> count = (m) -> (m instanceof Timer t) ? t.count()
                    : (m instanceof LongTaskTimer ltt) ? (long) ltt.activeTasks() : -1L;
            String kind = (meter instanceof LongTaskTimer) ? "active" : (meter instanceof Timer) ? "timer" : "other";
            counts.put(kind + " " + meter.getId().getName() + " " + tags, count.apply(meter));
        }
        return counts;
    }
}
