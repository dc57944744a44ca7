package com.ctera.client.protocol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request body of the protocol reference that concerns sessions, users, devices, tenants and logs, built with
 * the protocol API and compared byte for byte with the capture of the official SDK.
 */
class WireRequestsTest {

    private final XmlCodec codec = new XmlCodec();

    private void assertWire(XmlValue value, String expected) {
        assertThat(this.codec.encodeToString(value)).isEqualTo(expected);
        assertThat(this.codec.encode(value)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fullExampleOfSection13() {
        XmlObject user = XmlObject.builder("PortalUser")
            .uuid("6f0e8c79-1111-2222-3333-444455556666")
            .put("name", "alice")
            .put("uid", 55)
            .put("ratio", "0.75")
            .put("enabled", true)
            .putNull("comment")
            .put("tags", XmlList.ofTexts("a", "b"))
            .put("empty", XmlList.empty())
            .put("address", XmlObject.builder().put("city", "Tel Aviv").put("zip", "12345").build())
            .put("shares", XmlList.of(XmlObject.builder("ShareConfig")
                .put("accessMode", "ReadOnly")
                .put("invitee", XmlObject.builder("Collaborator").put("type", "external").put("email", "x@y.com").build())
                .build()))
            .build();
        assertWire(user, "<obj class=\"PortalUser\" uuid=\"6f0e8c79-1111-2222-3333-444455556666\"><att id=\"name\"><val>alice</val></att><att id=\"uid\"><val>55</val></att><att id=\"ratio\"><val>0.75</val></att><att id=\"enabled\"><val>true</val></att><att id=\"comment\" /><att id=\"tags\"><list><val>a</val><val>b</val></list></att><att id=\"empty\"><list /></att><att id=\"address\"><obj><att id=\"city\"><val>Tel Aviv</val></att><att id=\"zip\"><val>12345</val></att></obj></att><att id=\"shares\"><list><obj class=\"ShareConfig\"><att id=\"accessMode\"><val>ReadOnly</val></att><att id=\"invitee\"><obj class=\"Collaborator\"><att id=\"type\"><val>external</val></att><att id=\"email\"><val>x@y.com</val></att></obj></att></obj></list></att></obj>");
    }

    @Test
    void envelopesOfSection14() {
        assertWire(CallEnvelope.database("query", XmlText.of("PARAM")),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val></att><att id=\"param\"><val>PARAM</val></att></obj>");
        assertWire(CallEnvelope.userDefined("fetchResources", XmlText.of("PARAM")),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>fetchResources</val></att><att id=\"param\"><val>PARAM</val></att></obj>");
    }

    @Test
    void envelopeWithoutParamWritesTheNullAttribute() {
        assertWire(CallEnvelope.userDefined("getSettings", null),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>getSettings</val></att><att id=\"param\" /></obj>");
    }

    @Test
    void currentPortalBodiesOfSection22() {
        assertWire(XmlText.of("acme"), "<val>acme</val>");
        assertWire(XmlText.of(""), "<val />");
    }

    @Test
    void getSessionTokenOfSection25() {
        XmlObject param = XmlObject.builder().put("username", "alice").put("portal", "acme").build();
        assertWire(CallEnvelope.userDefined("getSessionToken", param),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>getSessionToken</val></att><att id=\"param\"><obj><att id=\"username\"><val>alice</val></att><att id=\"portal\"><val>acme</val></att></obj></att></obj>");
    }

    @Test
    void usersQueryOfSection41BothPages() {
        QueryParams first = QueryParams.builder().include("email", "firstName", "lastName", "role", "name").build();
        assertThat(CallEnvelope.query(first)).isEqualTo(CallEnvelope.database("query", first.toXml()));
        assertWire(CallEnvelope.database("query", first.toXml()),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"include\"><list><val>email</val><val>firstName</val><val>lastName</val><val>role</val><val>name</val></list></att></obj></att></obj>");
        // The reference abbreviates the second page as "identical otherwise".
        assertWire(CallEnvelope.database("query", first.withStartFrom(50).toXml()),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>50</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"include\"><list><val>email</val><val>firstName</val><val>lastName</val><val>role</val><val>name</val></list></att></obj></att></obj>");
    }

    @Test
    void usersQueryWithFiltersOfSection41() {
        QueryParams params = QueryParams.builder()
            .include("email", "name")
            .filter(Filter.string("email").like("acme"))
            .filter(Filter.string("role").eq("EndUser"))
            .orFilter(true)
            .build();
        assertWire(CallEnvelope.database("query", params.toXml()),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"include\"><list><val>email</val><val>name</val></list></att><att id=\"filters\"><list><obj class=\"StringFilter\"><att id=\"field\"><val>email</val></att><att id=\"restriction\"><val>like</val></att><att id=\"value\"><val>acme</val></att></obj><obj class=\"StringFilter\"><att id=\"field\"><val>role</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>EndUser</val></att></obj></list></att><att id=\"orFilter\"><val>true</val></att></obj></att></obj>");
    }

    @Test
    void userGetMultiOfSection51() {
        assertWire(CallEnvelope.getMulti(List.of("/email", "/uid", "/name")),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>get-multi</val></att><att id=\"param\"><list><val>/email</val><val>/uid</val><val>/name</val></list></att></obj>");
    }

    @Test
    void getMultiAddsTheSlashTheSdkAdds() {
        assertThat(CallEnvelope.getMulti(List.of("email", "/uid")))
            .isEqualTo(CallEnvelope.getMulti(List.of("/email", "/uid")));
    }

    @Test
    void userAddOfSection51() {
        XmlObject user = XmlObject.builder("PortalUser")
            .put("name", "newuser")
            .put("email", "new@acme.com")
            .put("firstName", "New")
            .put("lastName", "User")
            .put("password", "P@ssw0rd!")
            .put("role", "EndUser")
            .put("company", "Acme")
            .put("comment", "c")
            .put("requirePasswordChangeOn", "2026-11-25")
            .build();
        assertWire(CallEnvelope.add(user),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>add</val></att><att id=\"param\"><obj class=\"PortalUser\"><att id=\"name\"><val>newuser</val></att><att id=\"email\"><val>new@acme.com</val></att><att id=\"firstName\"><val>New</val></att><att id=\"lastName\"><val>User</val></att><att id=\"password\"><val>P@ssw0rd!</val></att><att id=\"role\"><val>EndUser</val></att><att id=\"company\"><val>Acme</val></att><att id=\"comment\"><val>c</val></att><att id=\"requirePasswordChangeOn\"><val>2026-11-25</val></att></obj></att></obj>");
    }

    @Test
    void userModifyOfSection51WithNullAttributesFirst() {
        XmlObject user = XmlObject.builder("PortalUser")
            .putNull("comment")
            .put("password", (String) null)
            .put("name", "alice")
            .put("email", "alice2@acme.com")
            .put("firstName", "Alice")
            .put("lastName", "Wonderland")
            .put("role", "ReadOnlyAdmin")
            .put("company", "Acme")
            .put("uid", 55)
            .build();
        assertWire(user, "<obj class=\"PortalUser\"><att id=\"comment\" /><att id=\"password\" /><att id=\"name\"><val>alice</val></att><att id=\"email\"><val>alice2@acme.com</val></att><att id=\"firstName\"><val>Alice</val></att><att id=\"lastName\"><val>Wonderland</val></att><att id=\"role\"><val>ReadOnlyAdmin</val></att><att id=\"company\"><val>Acme</val></att><att id=\"uid\"><val>55</val></att></obj>");
    }

    @Test
    void userDeleteOfSection51() {
        assertWire(CallEnvelope.userDefined("delete", XmlText.of(true)),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>delete</val></att><att id=\"param\"><val>true</val></att></obj>");
    }

    @Test
    void updateAccountsOfSection51() {
        XmlObject param = XmlObject.builder().putNull("objectId").put("type", "users").build();
        assertWire(CallEnvelope.userDefined("updateAccounts", param),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>updateAccounts</val></att><att id=\"param\"><obj><att id=\"objectId\" /><att id=\"type\"><val>users</val></att></obj></att></obj>");
    }

    @Test
    void filersQueryOfSection52WithSixStringFilters() {
        QueryParams.Builder builder = QueryParams.builder()
            .include("deviceConnectionStatus", "name", "deviceType", "remoteAccessUrl", "version", "portal")
            .allPortals(false);
        for (String type : List.of("CloudPlug", "C200", "C400", "C800", "C800P", "vGateway")) {
            builder.filter(Filter.string("deviceType").eq(type));
        }
        XmlObject envelope = CallEnvelope.database("query", builder.orFilter(true).build().toXml());
        // The reference elides the four middle filters ("… C200, C400, C800, C800P …"); they have the same shape.
        String middle = stringFilter("C200") + stringFilter("C400") + stringFilter("C800") + stringFilter("C800P");
        assertWire(envelope, "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>query</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"include\"><list><val>deviceConnectionStatus</val><val>name</val><val>deviceType</val><val>remoteAccessUrl</val><val>version</val><val>portal</val></list></att><att id=\"allPortals\"><val>false</val></att><att id=\"filters\"><list><obj class=\"StringFilter\"><att id=\"field\"><val>deviceType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>CloudPlug</val></att></obj>"
                + middle
                + "<obj class=\"StringFilter\"><att id=\"field\"><val>deviceType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>vGateway</val></att></obj></list></att><att id=\"orFilter\"><val>true</val></att></obj></att></obj>");
    }

    private static String stringFilter(String deviceType) {
        return "<obj class=\"StringFilter\"><att id=\"field\"><val>deviceType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>"
                + deviceType + "</val></att></obj>";
    }

    @Test
    void deviceGetOneOfSection52() {
        assertWire(CallEnvelope.getMulti(List.of("/deviceConnectionStatus", "/name", "/deviceType", "/remoteAccessUrl", "/version", "/portal")),
                "<obj><att id=\"type\"><val>db</val></att><att id=\"name\"><val>get-multi</val></att><att id=\"param\"><list><val>/deviceConnectionStatus</val><val>/name</val><val>/deviceType</val><val>/remoteAccessUrl</val><val>/version</val><val>/portal</val></list></att></obj>");
    }

    @Test
    void getPortalsDisplayInfoOfSection53() {
        QueryParams params = QueryParams.builder().className("QueryParams").put("isTrashcan", false).build();
        assertWire(CallEnvelope.userDefined("getPortalsDisplayInfo", params.toXml()),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>getPortalsDisplayInfo</val></att><att id=\"param\"><obj class=\"QueryParams\"><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"isTrashcan\"><val>false</val></att></obj></att></obj>");
    }

    @Test
    void portalAccessLogsOfSection57() {
        QueryParams params = QueryParams.builder()
            .put("topic", "access")
            .put("minSeverity", "warning")
            .filter(Filter.string("originType").eq("Portal"))
            .filter(Filter.dateTime("time").before(LocalDateTime.of(2024, 5, 2, 0, 0)))
            .filter(Filter.dateTime("time").after(LocalDateTime.of(2024, 5, 1, 0, 0)))
            .build();
        assertWire(CallEnvelope.userDefined("queryLogs", params.toXml()),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>queryLogs</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"topic\"><val>access</val></att><att id=\"minSeverity\"><val>warning</val></att><att id=\"filters\"><list><obj class=\"StringFilter\"><att id=\"field\"><val>originType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>Portal</val></att></obj><obj class=\"DateTimeFilter\"><att id=\"field\"><val>time</val></att><att id=\"restriction\"><val>lt</val></att><att id=\"value\"><val>2024-05-02T00:00:00</val></att></obj><obj class=\"DateTimeFilter\"><att id=\"field\"><val>time</val></att><att id=\"restriction\"><val>gt</val></att><att id=\"value\"><val>2024-05-01T00:00:00</val></att></obj></list></att></obj></att></obj>");
    }

    @Test
    void deviceAuditLogsOfSection57() {
        QueryParams params = QueryParams.builder()
            .put("topic", "audit")
            .put("minSeverity", "info")
            .filter(Filter.string("originType").eq("Device"))
            .filter(Filter.ref("origin").eq("FSRV1"))
            .build();
        // The reference elides the envelope's type attribute ("<obj>…"); queryLogs is a user-defined call.
        assertWire(CallEnvelope.userDefined("queryLogs", params.toXml()),
                "<obj><att id=\"type\"><val>user-defined</val></att>"
                        + "<att id=\"name\"><val>queryLogs</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"topic\"><val>audit</val></att><att id=\"minSeverity\"><val>info</val></att><att id=\"filters\"><list><obj class=\"StringFilter\"><att id=\"field\"><val>originType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>Device</val></att></obj><obj class=\"RefFilter\"><att id=\"field\"><val>origin</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>FSRV1</val></att></obj></list></att></obj></att></obj>");
    }

    @Test
    void getTaskStatusOfSection547() {
        TaskRef task = TaskRef.parse("servers/MainDB/bgTasks/918908");
        assertWire(CallEnvelope.userDefined("getTaskStatus", XmlText.of(task.path())),
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>getTaskStatus</val></att><att id=\"param\"><val>servers/MainDB/bgTasks/918908</val></att></obj>");
    }
}
