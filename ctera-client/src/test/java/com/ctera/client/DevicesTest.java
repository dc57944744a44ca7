package com.ctera.client;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.devices.Device;
import com.ctera.client.devices.DeviceQuery;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Devices, blocking and reactive, from global administration and from the tenant's services portal. */
class DevicesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static CteraPortalSimulator simulator;

    private static CteraPortal admin;

    private static CteraPortal tenantAdmin;

    private static String tenant;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        tenant = simulator.defaultTenant();
        admin = TestPortals.admin(simulator, tenant);
        tenantAdmin = TestPortals.tenantAdmin(simulator);
    }

    @AfterAll
    static void stop() {
        admin.close();
        tenantAdmin.close();
        simulator.close();
    }

    @Test
    void listsEveryDeviceOfTheTenant() {
        int expected = simulator.state().deviceCount(tenant);
        assertThat(expected).isGreaterThanOrEqualTo(6);
        List<Device> devices = admin.devices().list().toList();
        assertThat(devices).hasSize(expected);
        assertThat(devices).allSatisfy(device -> {
            assertThat(device.tenant()).isEqualTo(tenant);
            assertThat(device.deviceType()).isNotBlank();
        });
        assertThat(tenantAdmin.devices().list().toList()).containsExactlyInAnyOrderElementsOf(devices);
        StepVerifier.create(admin.reactive().devices().list().collectList())
                .assertNext(reactive -> assertThat(reactive).containsExactlyInAnyOrderElementsOf(devices))
                .verifyComplete();
    }

    @Test
    void gatewayAndAgentPresetsSplitTheDevices() {
        List<Device> all = admin.devices().list().toList();
        List<Device> gateways = admin.devices().list(DeviceQuery.builder().gateways().build()).toList();
        List<Device> agents = admin.devices().list(DeviceQuery.builder().agents().build()).toList();
        assertThat(gateways).isNotEmpty().allSatisfy(device ->
                assertThat(DeviceQuery.GATEWAY_TYPES).contains(device.deviceType()));
        assertThat(agents).isNotEmpty().allSatisfy(device -> assertThat(device.deviceType()).contains("Agent"));
        assertThat(all).containsAll(gateways).containsAll(agents);
        StepVerifier.create(tenantAdmin.reactive().devices().list(DeviceQuery.builder().agents().build()).count())
                .expectNext((long) agents.size())
                .verifyComplete();
    }

    @Test
    void listsAcrossTenantsOrByOwner() {
        List<Device> everywhere = admin.devices().list(DeviceQuery.builder().allPortals(true).build()).toList();
        assertThat(everywhere).containsAll(admin.devices().list().toList());
        assertThat(everywhere).allSatisfy(device -> assertThat(device.tenant()).isNotBlank());

        Device owned = admin.devices().list().filter(device -> device.owner() != null).findFirst().orElseThrow();
        Long ownerUid = admin.users().get(owned.owner()).uid();
        assertThat(ownerUid).isNotNull();
        List<Device> byOwner = admin.devices().list(DeviceQuery.builder().ownedBy(ownerUid).build()).toList();
        assertThat(byOwner).contains(owned).allSatisfy(device -> assertThat(device.owner()).isEqualTo(owned.owner()));
    }

    @Test
    void filtersByName() {
        List<Device> all = admin.devices().list().toList();
        Device first = all.get(0);
        Device second = all.get(1);
        assertThat(admin.devices().list(DeviceQuery.builder().names(first.name(), second.name()).build()).toList())
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void getsOneDeviceInTheSessionTenantOrANamedOne() {
        Device listed = admin.devices().list().findFirst().orElseThrow();
        assertThat(admin.devices().get(listed.name())).isEqualTo(listed);
        assertThat(admin.devices().get(tenant, listed.name())).isEqualTo(listed);
        assertThat(tenantAdmin.devices().get(listed.name())).isEqualTo(listed);
        StepVerifier.create(admin.reactive().devices().get(tenant, listed.name())).expectNext(listed)
                .verifyComplete();
        StepVerifier.create(tenantAdmin.reactive().devices().get(listed.name())).expectNext(listed)
                .verifyComplete();
    }

    @Test
    void missingDeviceIsNotFound() {
        assertThatThrownBy(() -> admin.devices().get(tenant, "no-such-device"))
                .isInstanceOfSatisfying(CteraNotFoundException.class,
                        error -> assertThat(error.operation()).isEqualTo("devices.get"));
        StepVerifier.create(tenantAdmin.reactive().devices().get("no-such-device"))
                .expectError(CteraNotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void getByNameNeedsATenantInGlobalAdministration() {
        try (CteraPortal global = TestPortals.admin(simulator, null)) {
            assertThatThrownBy(() -> global.devices().get("anything"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("tenant");
        }
    }
}
