package com.ctera.simulator;

import java.net.http.HttpResponse;
import java.util.List;

import com.ctera.simulator.xml.XmlObj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.db;
import static com.ctera.simulator.PortalHttp.filter;
import static com.ctera.simulator.PortalHttp.queryParams;
import static com.ctera.simulator.UsersApiTest.names;
import static com.ctera.simulator.UsersApiTest.objects;
import static org.assertj.core.api.Assertions.assertThat;

class DevicesAndTenantsTest {

    private static final String DEFAULT_INCLUDE = "<val>name</val><val>portal</val><val>deviceType</val>"
            + "<val>version</val><val>remoteAccessUrl</val>";

    private static CteraPortalSimulator simulator;
    private static PortalHttp http;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        http = new PortalHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void queryListsTheTenantsDevicesWithTheirFields() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        List<XmlObj> devices = objects(admin.post("/devices",
                db("query", queryParams(0, 50, DEFAULT_INCLUDE + "<val>deviceConnectionStatus</val>", ""))));
        assertThat(devices).hasSize(simulator.state().deviceCount("acme")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(devices).extracting(device -> device.text("deviceType").orElseThrow())
            .contains("vGateway", "C800", "CloudPlug", "Workstation Agent", "Server Agent", "Mobile");
        XmlObj fsrv = devices.stream().filter(device -> device.text("name").orElseThrow().equals("FSRV1")).findFirst()
            .orElseThrow();
        assertThat(fsrv.className()).isEqualTo("Device");
        assertThat(fsrv.text("portal").orElseThrow()).matches("objs/\\d+//TeamPortal/acme");
        assertThat(fsrv.text("remoteAccessUrl").orElseThrow())
            .isEqualTo(simulator.baseUrl() + "/ServicesPortal/devicecmdnew/acme/FSRV1/");
        XmlObj status = (XmlObj) fsrv.get("deviceConnectionStatus");
        assertThat(status.text("connected")).contains("true");
        assertThat(status.text("updateTime")).isPresent();
        assertThat(fsrv.has("owner")).isFalse();
    }

    @Test
    void deviceTypeFiltersAreOred() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        StringBuilder filters = new StringBuilder();
        for (String type : List.of("CloudPlug", "C200", "C400", "C800", "C800P", "vGateway")) {
            filters.append(filter("StringFilter", "deviceType", "eq", type));
        }
        List<XmlObj> gateways = objects(admin.post("/devices", db("query", queryParams(0, 50, DEFAULT_INCLUDE,
                "<att id=\"allPortals\"><val>false</val></att><att id=\"filters\"><list>" + filters
                        + "</list></att><att id=\"orFilter\"><val>true</val></att>"))));
        assertThat(names(gateways)).containsExactlyInAnyOrder("BRANCH-C400", "FSRV1", "HQ-C800", "LAB-C200", "PLUG-HOME");

        List<XmlObj> agents = objects(admin.post("/devices", db("query", queryParams(0, 50, DEFAULT_INCLUDE,
                "<att id=\"filters\"><list>" + filter("StringFilter", "deviceType", "like", "Agent") + "</list></att>"))));
        assertThat(names(agents)).containsExactlyInAnyOrder("LAPTOP-ALICE", "SRV-SQL01");
    }

    @Test
    void ownedByAllPortalsAndOwnerRefFilters() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        String aliceUid = simulator.state().user("acme", "alice").orElseThrow().get("uid");
        List<XmlObj> owned = objects(admin.post("/devices", db("query", queryParams(0, 50, "<val>owner</val>",
                "<att id=\"ownedBy\"><val>" + aliceUid + "</val></att>"))));
        assertThat(names(owned)).containsExactlyInAnyOrder("PLUG-HOME", "LAPTOP-ALICE", "IPHONE-ALICE");
        assertThat(owned).allSatisfy(device -> assertThat(device.text("owner").orElseThrow()).endsWith("/PortalUser/alice"));

        List<XmlObj> byRef = objects(admin.post("/devices", db("query", queryParams(0, 50, "",
                "<att id=\"filters\"><list>" + filter("RefFilter", "owner", "eq", "alice") + "</list></att>"))));
        assertThat(names(byRef)).containsExactlyInAnyOrderElementsOf(names(owned));

        List<XmlObj> everywhere = objects(admin.post("/devices", db("query", queryParams(0, 50, "",
                "<att id=\"allPortals\"><val>true</val></att>"))));
        assertThat(everywhere).hasSize(simulator.state().deviceCount("acme") + simulator.state().deviceCount("globex"));
        assertThat(names(everywhere)).contains("GLOBEX-GW");
    }

    @Test
    void getMultiReadsOneDeviceAndANullNameWhenMissing() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        String paths = "<list><val>/deviceConnectionStatus</val><val>/name</val><val>/deviceType</val></list>";
        XmlObj device = PortalHttp.parseObj(admin.post("/portals/acme/devices/SRV-SQL01", db("get-multi", paths)));
        assertThat(device.attributes().keySet()).containsExactlyInAnyOrder("deviceConnectionStatus", "name", "deviceType");
        assertThat(device.text("deviceType")).contains("Server Agent");
        XmlObj nested = PortalHttp.parseObj(admin.post("/portals/acme/devices/SRV-SQL01",
                db("get-multi", "<list><val>/deviceConnectionStatus/connected</val></list>")));
        assertThat(((XmlObj) nested.get("deviceConnectionStatus")).attributes().keySet()).containsExactly("connected");

        HttpResponse<String> missing = admin.post("/portals/acme/devices/NOPE", db("get-multi", paths));
        assertThat(missing.statusCode()).isEqualTo(200);
        assertThat(missing.body()).contains("<att id=\"name\" />");
        // A tenant user sees only its own tenant's devices.
        PortalHttp.Session user = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(user.post("/portals/globex/devices/GLOBEX-GW", db("get-multi", paths)).body())
            .contains("<att id=\"name\" />");
        assertThat(user.post("/portals/acme/devices/FSRV1", db("get-multi", paths)).body())
            .contains("<val>FSRV1</val>");
    }

    @Test
    void aGlobalAdminBrowsesATenantAndGoesBack() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        assertThat(names(objects(admin.post("/users", db("query", queryParams(0, 200, "", ""))))))
            .contains("alice").doesNotContain("homer.simpson");

        assertThat(admin.put("/currentPortal", "<val>globex</val>").statusCode()).isEqualTo(200);
        assertThat(admin.get("/currentPortal").body()).isEqualTo("<val>globex</val>");
        assertThat(names(objects(admin.post("/users", db("query", queryParams(0, 200, "", ""))))))
            .contains("homer.simpson").doesNotContain("alice");
        assertThat(names(objects(admin.post("/devices", db("query", queryParams(0, 50, "", ""))))))
            .containsExactlyInAnyOrder("GLOBEX-GW", "HOMER-PC");

        assertThat(admin.put("/currentPortal", "<val />").statusCode()).isEqualTo(200);
        assertThat(admin.get("/currentPortal").body()).isEqualTo("<val />");
        assertThat(names(objects(admin.post("/users", db("query", queryParams(0, 200, "", "")))))).contains("alice");

        assertThat(admin.put("/currentPortal", "<val>no-such-tenant</val>").statusCode()).isEqualTo(404);
        PortalHttp.Session user = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(user.put("/currentPortal", "<val>globex</val>").statusCode()).isEqualTo(403);
    }

    @Test
    void browsingIsPerSession() throws Exception {
        PortalHttp.Session first = http.session("admin", simulator.adminCredentials());
        PortalHttp.Session second = http.session("admin", simulator.adminCredentials());
        first.put("/currentPortal", "<val>globex</val>");
        assertThat(second.get("/currentPortal").body()).isEqualTo("<val />");
    }

    @Test
    void usersOfOtherTenantsAreNotInTheDefaultTenant() throws Exception {
        String form = "j_username=homer.simpson&j_password=" + PortalHttp.encode("Passw0rd!");
        HttpResponse<String> login = http.send("POST", "/ServicesPortal/api/login", form, "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(login.statusCode()).as("homer is not in the default tenant").isEqualTo(403);
        String token = simulator.issueBearerToken("homer.simpson");
        assertThat(http.bearer("ServicesPortal", token).get("/currentPortal").body()).isEqualTo("<val>globex</val>");
    }
}
