package com.ctera.client;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Users through the tenant's services portal, as its tenant administrator. */
class ServicesPortalUsersTest {

    private static CteraPortalSimulator simulator;

    private static CteraPortal portal;

    private static String tenant;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        tenant = simulator.defaultTenant();
        portal = TestPortals.tenantAdmin(simulator);
    }

    @AfterAll
    static void stop() {
        portal.close();
        simulator.close();
    }

    @Test
    void listsGetsAndPagesTheTenantsUsers() {
        List<PortalUser> all = portal.users().list().toList();
        assertThat(all).hasSize(simulator.state().userCount(tenant));
        PortalUser someone = all.get(5);
        assertThat(portal.users().get(someone.name()).uid()).isEqualTo(someone.uid());
        StepVerifier.create(portal.reactive().users().page(UserQuery.builder().pageSize(7).build(), 7))
                .assertNext(page -> {
                    assertThat(page.items()).hasSize(7);
                    assertThat(page.hasMore()).isTrue();
                })
                .verifyComplete();
    }

    @Test
    void addsModifiesAndDeletesAUser() {
        portal.users().add(NewUser.builder("erin.sp").email("erin@acme.test").fullName("Erin", "Ray")
                .password("Pa55-word!").build());
        assertThat(simulator.state().userExists(tenant, "erin.sp")).isTrue();
        portal.users().modify("erin.sp", changes -> changes.comment("moved"));
        assertThat(simulator.state().user(tenant, "erin.sp").orElseThrow()).containsEntry("comment", "moved");
        StepVerifier.create(portal.reactive().users().delete("erin.sp")).verifyComplete();
        assertThat(simulator.state().userExists(tenant, "erin.sp")).isFalse();
    }
}
