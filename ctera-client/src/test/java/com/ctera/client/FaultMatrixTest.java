package com.ctera.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The fault matrix of issue 21, for the API calls of the client core: every operation below under every simulator
 * fault ends with its correct result or a {@link CteraException}, within a bound, and gives its connection back to
 * the pool; then many failing calls in a row leave no connection held. Retries are off, so each fault reaches the
 * caller. {@code -Dctera.faultMatrix.failingCalls=10000} runs the long form of the last check.
 */
class FaultMatrixTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final String API = "/ServicesPortal/api";

    private static CteraPortalSimulator simulator;

    private static CteraPortal portal;

    private static final Map<String, Function<CteraPortal, Object>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("users.list", p -> p.users().list().map(user -> user.name()).sorted().toList());
        OPERATIONS.put("users.get", p -> p.users().get(simulator.tenantAdminCredentials().username()).name());
        OPERATIONS.put("devices.list", p -> p.devices().list().map(device -> device.name()).sorted().toList());
        OPERATIONS.put("users.find", p -> p.users().find("no-such-user"));
    }

    private static final Map<String, FaultRule> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("500", FaultRule.forPath(API).status(500));
        FAULTS.put("500 after processing", FaultRule.forPath(API).status(500).afterProcessing());
        FAULTS.put("404", FaultRule.forPath(API).status(404));
        FAULTS.put("429 storm", FaultRule.forPath(API).tooManyRequests(Duration.ofSeconds(1)).times(5));
        FAULTS.put("503 Retry-After", FaultRule.forPath(API).serviceUnavailable(Duration.ofSeconds(1)));
        FAULTS.put("reset", FaultRule.forPath(API).connectionReset());
        FAULTS.put("reset after processing", FaultRule.forPath(API).connectionReset().afterProcessing());
        FAULTS.put("truncated body", FaultRule.forPath(API).truncatedBody());
        FAULTS.put("delay past the attempt timeout", FaultRule.forPath(API).delay(Duration.ofMillis(3500)));
        FAULTS.put("session expiry", FaultRule.forPath(API).expireSession());
    }

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        SimulatorCredentials admin = simulator.tenantAdminCredentials();
        portal = CteraPortal.builder().name("matrix").baseUrl(simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL).credentials(admin.username(), admin.password())
            .readTimeout(Duration.ofSeconds(5)).attemptTimeout(Duration.ofSeconds(3)).build();
        portal.session();
    }

    @AfterAll
    static void stop() {
        portal.close();
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void everyOperationUnderEveryFaultEndsTypedOrCorrectAndGivesItsConnectionBack() {
        Map<String, Object> expected = new LinkedHashMap<>();
        OPERATIONS.forEach((name, operation) -> expected.put(name, operation.apply(portal)));
        List<String> outcomes = new ArrayList<>();
        FAULTS.forEach((faultName, fault) -> OPERATIONS.forEach((name, operation) -> {
            simulator.faults().clear();
            simulator.faults().inject(fault);
            String outcome = assertTimeoutPreemptively(BOUND, () -> {
                try {
                    Object result = operation.apply(portal);
                    assertThat(result).as(name + " under " + faultName).isEqualTo(expected.get(name));
                    return "correct";
                }
                catch (CteraException typed) {
                    return typed.getClass().getSimpleName();
                }
            }, name + " under " + faultName);
            outcomes.add(faultName + " / " + name + ": " + outcome);
            awaitNoConnectionInUse(name + " under " + faultName);
        }));
        assertThat(outcomes).hasSize(FAULTS.size() * OPERATIONS.size());
        // The faults do reach the caller: most cases fail, typed; a session expiry is renewed and succeeds.
        assertThat(outcomes).filteredOn(line -> line.startsWith("session expiry")).allMatch(l -> l.endsWith("correct"));
        assertThat(outcomes).filteredOn(line -> line.startsWith("500 /")).noneMatch(l -> l.endsWith("correct"));
        assertThat(outcomes).filteredOn(line -> line.startsWith("delay")).allMatch(l -> l.endsWith("Exception"));
    }

    @Test
    void manyFailingCallsInARowLeaveNoConnectionHeld() {
        int calls = Integer.getInteger("ctera.faultMatrix.failingCalls", 1000);
        String name = simulator.tenantAdminCredentials().username();
        portal.users().get(name);
        simulator.faults().inject(FaultRule.forOperation("users.get").status(500).times(calls));
        int failed = 0;
        for (int i = 0; i < calls; i++) {
            try {
                portal.users().get(name);
            }
            catch (CteraServerException expected) {
                failed++;
            }
        }
        assertThat(failed).isEqualTo(calls);
        awaitNoConnectionInUse("after " + calls + " failing calls");
        assertThat(portal.users().get(name).name()).isEqualTo(name);
    }

    // A connection goes back to the pool just after the caller has its answer, on the I/O thread.
    private static void awaitNoConnectionInUse(String when) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (portal.connectionsInUse() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(portal.connectionsInUse()).as("connections in use " + when).isZero();
    }
}
