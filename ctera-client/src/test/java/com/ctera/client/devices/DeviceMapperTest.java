package com.ctera.client.devices;

import org.junit.jupiter.api.Test;

import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.XmlObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceMapperTest {

    @Test
    void readsTenantFromThePortalReferenceAndConnectionFromItsStatus() {
        XmlObject wire = XmlObject.builder("Device").put("name", "FSRV1").put("portal", "objs/50//TeamPortal/acme")
                .put("deviceType", "vGateway").put("version", "7.8.3030.0")
                .put("deviceConnectionStatus", XmlObject.builder().put("connected", "true").build())
                .put("owner", "objs/55/acme/PortalUser/alice").put("uid", "77").build();
        Device device = DeviceMapper.toDevice(wire);
        assertThat(device).isEqualTo(new Device("FSRV1", "acme", "vGateway", "7.8.3030.0", null, true, "alice", 77L));
    }

    @Test
    void rejectsAFlagThatIsNotOne() {
        XmlObject wire = XmlObject.builder().put("name", "d")
                .put("deviceConnectionStatus", XmlObject.builder().put("connected", "yes").build()).build();
        assertThatThrownBy(() -> DeviceMapper.toDevice(wire)).isInstanceOf(MalformedXmlException.class);
    }

    @Test
    void gatewayPresetListsTheSixGatewayTypes() {
        DeviceQuery query = DeviceQuery.builder().gateways().build();
        assertThat(query.conditions()).extracting(DeviceQuery.Condition::value)
                .containsExactlyElementsOf(DeviceQuery.GATEWAY_TYPES);
        assertThat(DeviceQuery.builder().agents().build().conditions())
                .containsExactly(new DeviceQuery.Condition("deviceType", "like", "Agent"));
    }
}
