package com.ctera.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.db;
import static com.ctera.simulator.PortalHttp.queryParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LifecycleAndOptionsTest {

    @Test
    void startsQuicklyOnAFreePortAndStopsIdempotently() throws Exception {
        long started = System.nanoTime();
        CteraPortalSimulator simulator = CteraPortalSimulator.start();
        assertThat(System.nanoTime() - started).as("start-up time").isLessThan(5_000_000_000L);
        assertThat(simulator.port()).isPositive();
        assertThat(simulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + simulator.port());
        PortalHttp http = new PortalHttp(simulator);
        assertThat(http.send("GET", "/admin/public/publicInfo", null).statusCode()).isEqualTo(200);
        simulator.close();
        simulator.close();
        assertThatExceptionOfType(IOException.class)
            .isThrownBy(() -> new PortalHttp(simulator.baseUrl(), PortalHttp.newClient())
                .send("GET", "/admin/public/publicInfo", null));
    }

    @Test
    void customAdminPasswordPortalVersionAndNoSeed() throws Exception {
        SimulatorOptions options = SimulatorOptions.defaults().withAdminPassword("An0ther!").withSeed(false)
            .withPortalVersion("8.3.1");
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start(options)) {
            assertThat(simulator.adminCredentials()).isEqualTo(new SimulatorCredentials("admin", "An0ther!"));
            PortalHttp http = new PortalHttp(simulator);
            assertThat(http.login("admin", new SimulatorCredentials("admin", SimulatorOptions.DEFAULT_ADMIN_PASSWORD))
                .statusCode()).isEqualTo(403);
            PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
            assertThat(admin.get("/version").body()).isEqualTo("<val>8.3.1</val>");
            // Without seeding only the two documented tenant users exist, and no devices.
            assertThat(simulator.state().userCount("acme")).isEqualTo(2);
            assertThat(simulator.state().deviceCount("acme")).isZero();
            assertThat(http.session("ServicesPortal", simulator.tenantAdminCredentials())).isNotNull();
            HttpResponse<String> devices = admin.post("/devices", db("query", queryParams(0, 10, "", "")));
            assertThat(devices.body()).contains("<val>false</val>").contains("<list />");
        }
    }

    @Test
    void seededDataIsDeterministic() {
        try (CteraPortalSimulator first = CteraPortalSimulator.start();
                CteraPortalSimulator second = CteraPortalSimulator.start()) {
            assertThat(first.state().userCount("acme")).isGreaterThanOrEqualTo(60)
                .isEqualTo(second.state().userCount("acme"));
            assertThat(first.state().user("acme", "olivia.smith")).isEqualTo(second.state().user("acme", "olivia.smith"))
                .isPresent();
            assertThat(first.state().userCount("globex")).isPositive();
            assertThat(first.defaultTenant()).isEqualTo("acme");
            assertThat(first.tenantAdminCredentials().username()).isNotEqualTo(first.endUserCredentials().username());
        }
    }

    @Test
    void stateAddUserValidatesItsInput() {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withSeed(false))) {
            SimulatorState state = simulator.state();
            state.addUser("acme", "bulk.one", "Pw-1", "EndUser", "one@acme.com");
            assertThat(state.userExists("acme", "bulk.one")).isTrue();
            assertThat(state.user("acme", "bulk.one").orElseThrow()).containsEntry("role", "EndUser")
                .containsEntry("email", "one@acme.com").doesNotContainKey("password");
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> state.addUser("acme", "bulk.one", "Pw-1", "EndUser", "x"));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> state.addUser("nowhere", "u", "p", "EndUser", "x"));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> state.addUser("acme", "u", "p", "King", "x"));
            assertThat(state.userExists("nowhere", "u")).isFalse();
            assertThat(state.userCount("nowhere")).isZero();
            assertThat(state.user("acme", "ghost")).isEmpty();
        }
    }
}
