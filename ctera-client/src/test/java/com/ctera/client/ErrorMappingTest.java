package com.ctera.client;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each failure the portal or the network can produce becomes the matching exception, naming the operation. */
class ErrorMappingTest {

    private static CteraPortalSimulator simulator;

    private static CteraPortal portal;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        portal = TestPortals.admin(simulator, simulator.defaultTenant());
        // Log in up front, so that each fault below meets the call it is meant for.
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

    private static void inject(FaultRule rule) {
        simulator.faults().inject(rule);
    }

    private static CteraException failureOfQuery() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> portal.users().page(UserQuery.all(), 0));
        assertThat(thrown).isInstanceOf(CteraException.class);
        CteraException error = (CteraException) thrown;
        assertThat(error.operation()).isEqualTo("users.query");
        return error;
    }

    @Test
    void badRequestIsAClientError() {
        inject(FaultRule.forOperation("users.query").status(400));
        CteraException error = failureOfQuery();
        assertThat(error).isExactlyInstanceOf(CteraClientErrorException.class);
        assertThat(error.status()).isEqualTo(400);
        // The portal's own msg travels into the message.
        assertThat(error.getMessage()).contains("users.query", "400", simulator.baseUrl().getHost(), "Injected fault");
    }

    @Test
    void forbiddenOutsideLoginIsAccessDenied() {
        inject(FaultRule.forOperation("users.query").status(403));
        assertThat(failureOfQuery()).isExactlyInstanceOf(CteraAccessDeniedException.class)
                .extracting(CteraException::status).isEqualTo(403);
    }

    @Test
    void unauthorizedOutsideLoginIsAnAuthenticationError() {
        inject(FaultRule.forOperation("users.query").status(401));
        assertThat(failureOfQuery()).isExactlyInstanceOf(CteraAuthenticationException.class)
                .extracting(CteraException::status).isEqualTo(401);
    }

    @Test
    void missingIsNotFound() {
        inject(FaultRule.forOperation("users.get").status(404));
        assertThatThrownBy(() -> portal.users().get("anyone"))
                .isInstanceOfSatisfying(CteraNotFoundException.class, error -> {
                    assertThat(error.operation()).isEqualTo("users.get");
                    assertThat(error.status()).isEqualTo(404);
                });
        // find() reads a 404 as "no such user" too.
        inject(FaultRule.forOperation("users.get").status(404));
        assertThat(portal.users().find("anyone")).isEmpty();
    }

    @Test
    void conflictOnAdd() {
        inject(FaultRule.forOperation("users.add").status(409));
        NewUser user = NewUser.builder("conflicted").email("c@acme.test").fullName("C", "D").password("Pa55!x")
                .build();
        StepVerifier.create(portal.reactive().users().add(user))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(CteraConflictException.class);
                    assertThat(((CteraException) error).operation()).isEqualTo("users.add");
                    assertThat(error.getMessage()).doesNotContain("Pa55!x");
                })
                .verify(Duration.ofSeconds(10));
        assertThat(simulator.state().userExists(simulator.defaultTenant(), "conflicted")).isFalse();
    }

    @Test
    void addingAnExistingUserIsAConflictAndChangesNothing() {
        String existing = portal.users().list().findFirst().orElseThrow().name();
        String emailBefore = simulator.state().user(simulator.defaultTenant(), existing).orElseThrow().get("email");
        NewUser duplicate = NewUser.builder(existing).email("dup@acme.test").fullName("D", "Up").password("Pa55!x")
                .build();
        assertThatThrownBy(() -> portal.users().add(duplicate))
                .isInstanceOfSatisfying(CteraException.class, error -> {
                    assertThat(error).isInstanceOf(CteraConflictException.class);
                    assertThat(error.getMessage()).contains("already exists");
                    assertThat(error.operation()).isEqualTo("users.add");
                    assertThat(error.getMessage()).doesNotContain("Pa55!x");
                });
        assertThat(simulator.state().user(simulator.defaultTenant(), existing).orElseThrow().get("email"))
                .isEqualTo(emailBefore);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        inject(FaultRule.forOperation("users.query").tooManyRequests(Duration.ofSeconds(2)));
        CteraException error = failureOfQuery();
        assertThat(error).isInstanceOf(CteraThrottledException.class);
        assertThat(error.status()).isEqualTo(429);
        assertThat(((CteraThrottledException) error).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void unavailableWithRetryAfterIsThrottledAndWithoutIsAServerError() {
        inject(FaultRule.forOperation("users.query").serviceUnavailable(Duration.ofSeconds(1)));
        CteraException throttled = failureOfQuery();
        assertThat(throttled).isInstanceOf(CteraThrottledException.class);
        assertThat(((CteraThrottledException) throttled).retryAfter()).contains(Duration.ofSeconds(1));

        inject(FaultRule.forOperation("users.query").status(503));
        assertThat(failureOfQuery()).isExactlyInstanceOf(CteraServerException.class)
                .extracting(CteraException::status).isEqualTo(503);
    }

    @Test
    void internalErrorIsAServerError() {
        inject(FaultRule.forOperation("users.query").status(500));
        assertThat(failureOfQuery()).isExactlyInstanceOf(CteraServerException.class)
                .extracting(CteraException::status).isEqualTo(500);
    }

    @Test
    void connectionResetIsATransportError() {
        inject(FaultRule.forOperation("users.query").connectionReset());
        CteraException error = failureOfQuery();
        assertThat(error).isInstanceOf(CteraTransportException.class);
        assertThat(error.status()).isZero();
    }

    @Test
    void truncatedBodyIsAProtocolErrorNamingTheOperation() {
        inject(FaultRule.forOperation("users.query").truncatedBody());
        CteraException error = failureOfQuery();
        assertThat(error).isInstanceOf(CteraProtocolException.class);
        assertThat(error.getMessage()).contains("users.query");
    }

    @Test
    void answerSlowerThanTheReadTimeoutEndsInBoundedTime() {
        SimulatorCredentials admin = simulator.adminCredentials();
        try (CteraPortal impatient = CteraPortal.builder().baseUrl(simulator.baseUrl())
                .credentials(admin.username(), admin.password()).readTimeout(Duration.ofMillis(500)).build()) {
            impatient.session();
            inject(FaultRule.forOperation("users.query").delay(Duration.ofSeconds(5)));
            long started = System.nanoTime();
            assertThatThrownBy(() -> impatient.users().page(UserQuery.all(), 0))
                    .isInstanceOfSatisfying(CteraTransportException.class, error -> {
                        assertThat(error.operation()).isEqualTo("users.query");
                        assertThat(error.getMessage()).contains("read timeout");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void refusedConnectionIsATransportError() {
        try (CteraPortal nowhere = CteraPortal.builder().baseUrl("http://127.0.0.1:1")
                .credentials("admin", "secret-pass").connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThatThrownBy(nowhere::session).isInstanceOfSatisfying(CteraTransportException.class, error -> {
                assertThat(error.operation()).isEqualTo("login");
                assertThat(error.getMessage()).doesNotContain("secret-pass");
            });
        }
    }
}
