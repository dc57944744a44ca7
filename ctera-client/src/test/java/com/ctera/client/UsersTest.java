package com.ctera.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.users.NewUser;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.ReactiveUsers;
import com.ctera.client.users.UserQuery;
import com.ctera.client.users.UserRole;
import com.ctera.client.users.UserUpdate;
import com.ctera.client.users.Users;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users in global administration browsing the default tenant: every operation, blocking and reactive. */
class UsersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static CteraPortalSimulator simulator;

    private static CteraPortal portal;

    private static String tenant;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        tenant = simulator.defaultTenant();
        portal = TestPortals.admin(simulator, tenant);
    }

    @AfterAll
    static void stop() {
        portal.close();
        simulator.close();
    }

    private static Users users() {
        return portal.users();
    }

    private static ReactiveUsers reactiveUsers() {
        return portal.reactive().users();
    }

    @Test
    void listsEveryUserOfTheTenantAcrossPages() {
        long queriesBefore = simulator.requests().count("users.query");
        List<PortalUser> all = users().list().toList();
        int expected = simulator.state().userCount(tenant);
        assertThat(expected).isGreaterThan(UserQuery.DEFAULT_PAGE_SIZE);
        assertThat(all).hasSize(expected);
        assertThat(all).extracting(PortalUser::name).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(user -> assertThat(user.uid()).isNotNull());
        assertThat(simulator.requests().count("users.query") - queriesBefore)
                .isEqualTo((expected + UserQuery.DEFAULT_PAGE_SIZE - 1) / UserQuery.DEFAULT_PAGE_SIZE);
    }

    @Test
    void blockingListFetchesOnlyThePagesConsumed() {
        long queriesBefore = simulator.requests().count("users.query");
        List<PortalUser> firstFive = users().list(UserQuery.builder().pageSize(10).build()).limit(5).toList();
        assertThat(firstFive).hasSize(5);
        assertThat(simulator.requests().count("users.query") - queriesBefore).isEqualTo(1);
    }

    @Test
    void reactiveListFetchesPagesOnDemand() {
        long queriesBefore = simulator.requests().count("users.query");
        StepVerifier.create(reactiveUsers().list(UserQuery.builder().pageSize(10).build()), 0)
                .thenRequest(3)
                .expectNextCount(3)
                .then(() -> assertThat(simulator.requests().count("users.query") - queriesBefore).isEqualTo(1))
                .thenCancel()
                .verify(WAIT);
        StepVerifier.create(reactiveUsers().list().count())
                .expectNext((long) simulator.state().userCount(tenant))
                .verifyComplete();
    }

    @Test
    void pagesReportWhetherMoreFollow() {
        UserQuery query = UserQuery.builder().pageSize(50).build();
        CteraPage<PortalUser> first = users().page(query, 0);
        assertThat(first.items()).hasSize(50);
        assertThat(first.hasMore()).isTrue();
        int total = simulator.state().userCount(tenant);
        StepVerifier.create(reactiveUsers().page(query, 50))
                .assertNext(page -> {
                    assertThat(page.items()).hasSize(Math.min(50, total - 50));
                    assertThat(page.items()).extracting(PortalUser::name)
                            .doesNotContainAnyElementsOf(first.items().stream().map(PortalUser::name).toList());
                })
                .verifyComplete();
    }

    @Test
    void filtersByNameAndCombinesConditions() {
        PortalUser someone = users().list().skip(7).findFirst().orElseThrow();
        List<PortalUser> exact = users().list(UserQuery.builder().nameEquals(someone.name()).build()).toList();
        assertThat(exact).extracting(PortalUser::name).containsExactly(someone.name());

        PortalUser other = users().list().skip(11).findFirst().orElseThrow();
        List<PortalUser> either = users().list(UserQuery.builder().nameEquals(someone.name())
                .nameEquals(other.name()).build()).toList();
        assertThat(either).extracting(PortalUser::name).containsExactlyInAnyOrder(someone.name(), other.name());

        List<PortalUser> both = users().list(UserQuery.builder().nameEquals(someone.name())
                .nameEquals(other.name()).and().build()).toList();
        assertThat(both).isEmpty();

        StepVerifier.create(reactiveUsers().list(UserQuery.builder().nameEquals(other.name()).build()))
                .assertNext(user -> assertThat(user.name()).isEqualTo(other.name()))
                .verifyComplete();
    }

    @Test
    void filtersByRoleAndEmailAndFetchesOnlyTheIncludedFields() {
        List<PortalUser> admins = users().list(UserQuery.builder().role(UserRole.READ_WRITE_ADMIN).build()).toList();
        List<PortalUser> all = users().list().toList();
        assertThat(admins).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(user -> assertThat(user.knownRole()).contains(UserRole.READ_WRITE_ADMIN));

        PortalUser someone = all.get(20);
        assertThat(someone.email()).isNotNull();
        List<PortalUser> byEmail = users().list(UserQuery.builder().emailEquals(someone.email())
                .include("email").build()).toList();
        assertThat(byEmail).extracting(PortalUser::name).contains(someone.name());
        assertThat(byEmail).allSatisfy(user -> {
            assertThat(user.email()).isEqualTo(someone.email());
            assertThat(user.firstName()).isNull();
            assertThat(user.uid()).isNull();
        });
    }

    @Test
    void getsAndFindsAUserByName() {
        PortalUser listed = users().list().skip(3).findFirst().orElseThrow();
        PortalUser fetched = users().get(listed.name());
        assertThat(fetched.name()).isEqualTo(listed.name());
        assertThat(fetched.uid()).isEqualTo(listed.uid());
        assertThat(fetched.email()).isEqualTo(simulator.state().user(tenant, listed.name()).orElseThrow()
                .get("email"));
        assertThat(users().find(listed.name())).contains(fetched);
        assertThat(users().find("no-such-user")).isEmpty();
        StepVerifier.create(reactiveUsers().get(listed.name())).expectNext(fetched).verifyComplete();
        StepVerifier.create(reactiveUsers().find("no-such-user")).verifyComplete();
    }

    @Test
    void getOfAMissingUserIsNotFound() {
        assertThatThrownBy(() -> users().get("no-such-user"))
                .isInstanceOfSatisfying(CteraNotFoundException.class, error -> {
                    assertThat(error.operation()).isEqualTo("users.get");
                    assertThat(error.getMessage()).contains("no-such-user");
                });
        StepVerifier.create(reactiveUsers().get("no-such-user")).expectError(CteraNotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void addsModifiesAndDeletesAUser() {
        NewUser carol = NewUser.builder("carol.blocking").email("carol@acme.test").fullName("Carol", "Jones")
                .password("Pa55-word!").role(UserRole.READ_ONLY_ADMIN).company("Acme").build();
        users().add(carol);
        assertThat(simulator.state().userExists(tenant, "carol.blocking")).isTrue();
        PortalUser added = users().get("carol.blocking");
        assertThat(added.knownRole()).contains(UserRole.READ_ONLY_ADMIN);
        assertThat(added.firstName()).isEqualTo("Carol");

        users().modify("carol.blocking", changes -> changes.email("carol.jones@acme.test"));
        Map<String, String> stored = simulator.state().user(tenant, "carol.blocking").orElseThrow();
        assertThat(stored).containsEntry("email", "carol.jones@acme.test").containsEntry("firstName", "Carol")
                .containsEntry("company", "Acme").containsEntry("role", "ReadOnlyAdmin");

        users().delete("carol.blocking");
        assertThat(simulator.state().userExists(tenant, "carol.blocking")).isFalse();
        assertThat(users().find("carol.blocking")).isEmpty();
    }

    @Test
    void addsModifiesAndDeletesAUserReactively() {
        NewUser dave = NewUser.builder("dave.reactive").email("dave@acme.test").fullName("Dave", "Smith")
                .password("Pa55-word!").requirePasswordChange(true).build();
        StepVerifier.create(reactiveUsers().add(dave)).expectNextCount(1).verifyComplete();
        assertThat(simulator.state().userExists(tenant, "dave.reactive")).isTrue();

        StepVerifier.create(reactiveUsers().modify("dave.reactive",
                UserUpdate.builder().lastName("Smythe").role(UserRole.COMPLIANCE_OFFICER).build()))
                .verifyComplete();
        assertThat(simulator.state().user(tenant, "dave.reactive").orElseThrow())
                .containsEntry("lastName", "Smythe").containsEntry("role", "ComplianceOffer")
                .containsEntry("email", "dave@acme.test");

        StepVerifier.create(reactiveUsers().delete("dave.reactive")).verifyComplete();
        assertThat(simulator.state().userExists(tenant, "dave.reactive")).isFalse();
    }
}
