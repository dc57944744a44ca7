package com.ctera.client;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.session.SessionInfo;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Login, bootstrap, lazy start, logout and re-login on expiry, in both contexts and with a bearer token. */
class SessionTest {

    private static CteraPortalSimulator simulator;

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
    void buildingSendsNothingAndTheFirstCallLogsIn() {
        long requestsBefore = simulator.requests().total();
        long loginsBefore = simulator.requests().count("login");
        try (CteraPortal portal = TestPortals.admin(simulator, simulator.defaultTenant())) {
            assertThat(simulator.requests().total()).isEqualTo(requestsBefore);
            portal.users().find("anyone");
            assertThat(simulator.requests().count("login") - loginsBefore).isEqualTo(1);
            portal.users().find("anyone-else");
            assertThat(simulator.requests().count("login") - loginsBefore).isEqualTo(1);
            assertThat(portal.portalSession().loginCount()).isEqualTo(1);
        }
    }

    @Test
    void adminSessionBrowsesTheConfiguredTenant() {
        long browsesBefore = simulator.requests().count("currentPortal.set");
        try (CteraPortal portal = TestPortals.admin(simulator, simulator.defaultTenant())) {
            SessionInfo info = portal.session();
            assertThat(info.username()).isEqualTo(simulator.adminCredentials().username());
            assertThat(info.tenant()).isEqualTo(simulator.defaultTenant());
            assertThat(info.portalVersion()).isEqualTo("7.5.182.16");
            assertThat(info.role()).isNotBlank();
            assertThat(simulator.requests().count("currentPortal.set") - browsesBefore).isEqualTo(1);
        }
    }

    @Test
    void adminSessionWithoutTenantStaysInGlobalAdministration() {
        try (CteraPortal portal = TestPortals.admin(simulator, null)) {
            StepVerifier.create(portal.reactive().session())
                    .assertNext(info -> assertThat(info.tenant()).isNull())
                    .verifyComplete();
        }
    }

    @Test
    void servicesPortalSessionIsTheTenantAdministrator() {
        try (CteraPortal portal = TestPortals.tenantAdmin(simulator)) {
            SessionInfo info = portal.session();
            assertThat(info.username()).isEqualTo(simulator.tenantAdminCredentials().username());
            assertThat(info.tenant()).isEqualTo(simulator.defaultTenant());
        }
    }

    @Test
    void closeLogsOutOnceAndOnlyWhenLoggedIn() {
        long logoutsBefore = simulator.requests().count("logout");
        CteraPortal unused = TestPortals.admin(simulator, null);
        unused.close();
        assertThat(simulator.requests().count("logout")).isEqualTo(logoutsBefore);

        CteraPortal portal = TestPortals.admin(simulator, null);
        portal.session();
        assertThat(portal.portalSession().isLoggedIn()).isTrue();
        portal.close();
        portal.close();
        assertThat(simulator.requests().count("logout") - logoutsBefore).isEqualTo(1);
        assertThat(portal.portalSession().isLoggedIn()).isFalse();
    }

    @Test
    void refusedLoginIsAnAuthenticationErrorNamingPortalAndUserButNotThePassword() {
        String user = simulator.adminCredentials().username();
        try (CteraPortal portal = CteraPortal.builder().baseUrl(simulator.baseUrl()).context(PortalContext.ADMIN)
                .credentials(user, "Wr0ng-Passw0rd").readTimeout(TestPortals.READ_TIMEOUT).build()) {
            assertThatThrownBy(portal::session).isInstanceOfSatisfying(CteraAuthenticationException.class, error -> {
                assertThat(error).isNotInstanceOf(CteraAccessDeniedException.class);
                assertThat(error.operation()).isEqualTo("login");
                assertThat(error.status()).isEqualTo(403);
                assertThat(error.getMessage()).contains(simulator.baseUrl().toString().replaceAll("/$", ""), user)
                        .doesNotContain("Wr0ng-Passw0rd");
            });
            assertThat(portal.toString()).doesNotContain("Wr0ng-Passw0rd");
        }
    }

    @Test
    void expiredSessionIsRenewedOnceAndTheCallRepeated() {
        try (CteraPortal portal = TestPortals.admin(simulator, simulator.defaultTenant())) {
            String someone = portal.users().list().findFirst().orElseThrow().name();
            simulator.expireAllSessions();
            assertThat(portal.users().get(someone).name()).isEqualTo(someone);
            assertThat(portal.portalSession().loginCount()).isEqualTo(2);
            // The new session browses the tenant again, so tenant-scoped calls keep working.
            assertThat(portal.session().tenant()).isEqualTo(simulator.defaultTenant());
        }
    }

    @Test
    void expiryRightAfterARenewalIsSessionExpired() {
        try (CteraPortal portal = TestPortals.admin(simulator, simulator.defaultTenant())) {
            portal.session();
            simulator.faults().inject(FaultRule.forOperation("users.get").times(2).expireSession());
            assertThatThrownBy(() -> portal.users().get("anyone"))
                    .isInstanceOfSatisfying(CteraSessionExpiredException.class, error -> {
                        assertThat(error.operation()).isEqualTo("users.get");
                        assertThat(error.status()).isEqualTo(302);
                    });
            assertThat(portal.portalSession().loginCount()).isEqualTo(2);
        }
    }

    @Test
    void closingAnExpiredSessionIsQuiet() {
        long logoutsBefore = simulator.requests().count("logout");
        CteraPortal portal = TestPortals.admin(simulator, null);
        portal.session();
        simulator.expireAllSessions();
        portal.close();
        assertThat(simulator.requests().count("logout") - logoutsBefore).isEqualTo(1);
    }

    @Test
    void aFailedLoginIsNotRememberedAndTheNextCallLogsInAgain() {
        try (CteraPortal portal = TestPortals.admin(simulator, null)) {
            simulator.faults().inject(FaultRule.forOperation("login").status(500));
            assertThatThrownBy(portal::session).isInstanceOfSatisfying(CteraServerException.class,
                    error -> assertThat(error.operation()).isEqualTo("login"));
            assertThat(portal.portalSession().isLoggedIn()).isFalse();
            assertThat(portal.session().username()).isEqualTo(simulator.adminCredentials().username());
            assertThat(portal.portalSession().loginCount()).isEqualTo(2);
        }
    }

    @Test
    void bearerTokenAuthenticatesEveryCallWithoutLoginOrLogout() {
        SimulatorCredentials tenantAdmin = simulator.tenantAdminCredentials();
        String token = simulator.issueBearerToken(tenantAdmin.username());
        long loginsBefore = simulator.requests().count("login");
        long logoutsBefore = simulator.requests().count("logout");
        try (CteraPortal portal = CteraPortal.builder().baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).bearerToken(token).readTimeout(TestPortals.READ_TIMEOUT)
                .build()) {
            assertThat(portal.session().username()).isEqualTo(tenantAdmin.username());
            assertThat(portal.users().list().count()).isEqualTo(simulator.state().userCount(
                    simulator.defaultTenant()));
            StepVerifier.create(portal.reactive().devices().list().count())
                    .expectNext((long) simulator.state().deviceCount(simulator.defaultTenant()))
                    .verifyComplete();
            assertThat(portal.toString()).doesNotContain(token);
        }
        assertThat(simulator.requests().count("login")).isEqualTo(loginsBefore);
        assertThat(simulator.requests().count("logout")).isEqualTo(logoutsBefore);
    }

    @Test
    void invalidBearerTokenIsAnAuthenticationError() {
        try (CteraPortal portal = CteraPortal.builder().baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).bearerToken("not-a-token")
                .readTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> portal.users().page(com.ctera.client.users.UserQuery.all(), 0))
                    .isInstanceOf(CteraAuthenticationException.class)
                    .hasMessageNotContaining("not-a-token");
        }
    }
}
