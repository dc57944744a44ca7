package com.ctera.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import com.ctera.client.devices.DeviceQuery;
import com.ctera.client.session.SessionInfo;
import com.ctera.client.users.PortalUser;
import com.ctera.client.users.UserQuery;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The requests the client sends where the official SDK's were captured (protocol §1.2, §2.1, §2.2): compressed
 * answers asked for and read, the session bootstrap one call after the other, tenants browsed after identifying.
 */
class WireFidelityTest {

    private static final String ROLE_SETTINGS = "<obj class=\"PortalRoleSettings\"><att id=\"name\"><val>ReadWriteAdmin"
            + "</val></att><att id=\"superUser\"><val>true</val></att><att id=\"canAccessEndUserFolders\"><val>false"
            + "</val></att><att id=\"canManageUsers\"><val>true</val></att></obj>";

    private static final List<String> requests = new CopyOnWriteArrayList<>();

    private static final List<String> acceptEncodings = new CopyOnWriteArrayList<>();

    private static final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    private static DisposableServer server;

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        server = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> request.receive().aggregate().asString().defaultIfEmpty("")
                .flatMap(body -> answer(request, response, body)))
            .bindNow();
        simulator = CteraPortalSimulator.start();
        simulator.state().createTenant("globex");
        simulator.state().addUser("globex", "gina.globex", "Passw0rd!", "EndUser", "gina@globex.example.com");
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
        simulator.close();
    }

    @BeforeEach
    void clear() {
        requests.clear();
        acceptEncodings.clear();
        arrivals.clear();
    }

    @Test
    void afterTheLoginTheBootstrapCallsGoOneAfterTheOtherThenTheTenantIsBrowsed() {
        try (CteraPortal portal = recorded().tenant("acme").build()) {
            SessionInfo session = portal.session();
            assertThat(requests).containsExactly("POST /admin/api/login", "GET /admin/api/currentSession",
                    "GET /admin/api/currentPortal", "GET /admin/api/version",
                    "GET /admin/api/rolesSettings/readWriteAdminSettings", "PUT /admin/api/currentPortal <val>acme</val>");
            // currentSession is answered 150 ms late: currentPortal waited for that answer.
            assertThat(arrivals.get("currentPortal") - arrivals.get("currentSession"))
                .isGreaterThanOrEqualTo(Duration.ofMillis(140).toNanos());
            assertThat(session.tenant()).isEqualTo("acme");
            assertThat(session.portalVersion()).isEqualTo("7.5.182.16");
            assertThat(session.roleSettings()).isNotNull().satisfies(settings -> {
                assertThat(settings.name()).isEqualTo("ReadWriteAdmin");
                assertThat(settings.allows("canManageUsers")).isTrue();
                assertThat(settings.canAccessEndUserFolders()).isFalse();
            });
        }
    }

    @Test
    void browsingAnotherTenantAndBackToGlobalAdministrationSendsWhatTheSdkSends() {
        try (CteraPortal portal = recorded().build()) {
            assertThat(portal.session().tenant()).isNull();
            requests.clear();
            assertThat(portal.browse("globex").tenant()).isEqualTo("globex");
            assertThat(portal.browse(null).tenant()).isNull();
            assertThat(requests).containsExactly("PUT /admin/api/currentPortal <val>globex</val>",
                    "PUT /admin/api/currentPortal <val />");
        }
    }

    @Test
    void eachRequestAsksForCompressedAnswersAndGzipAndDeflateAreRead() {
        try (CteraPortal portal = recorded().build()) {
            PortalUser gzipped = portal.users().get("gzip.user");
            PortalUser deflated = portal.users().get("deflate.user");
            assertThat(gzipped.email()).isEqualTo("gzip.user@acme.example.com");
            assertThat(deflated.email()).isEqualTo("deflate.user@acme.example.com");
        }
        assertThat(acceptEncodings).isNotEmpty().containsOnly("gzip, deflate");
    }

    @Test
    void aReadAsksForTheFieldsItIsGivenAndNameAndRejectsWhatIsNoAttribute() {
        try (CteraPortal portal = recorded().build()) {
            portal.session();
            requests.clear();
            PortalUser user = portal.users().get("gzip.fields", "email", "firstName");
            assertThat(requests).containsExactly("POST /admin/api/users/gzip.fields <obj><att id=\"type\"><val>db</val>"
                    + "</att><att id=\"name\"><val>get-multi</val></att><att id=\"param\"><list><val>/email</val>"
                    + "<val>/firstName</val><val>/name</val></list></att></obj>");
            assertThat(user.email()).isEqualTo("gzip.fields@acme.example.com");
            assertThat(user.role()).isNull();
            assertThatThrownBy(() -> portal.users().get("x", "email, role"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'email, role'");
        }
        try (CteraPortal portal = CteraPortal.builder().name("devices").baseUrl(simulator.baseUrl())
            .credentials(simulator.adminCredentials().username(), simulator.adminCredentials().password())
            .tenant("acme").build()) {
            var device = portal.devices().get("FSRV1", List.of("deviceType", "deviceConnectionStatus.connected"));
            assertThat(device.deviceType()).isEqualTo("vGateway");
            assertThat(device.version()).isNull();
            assertThat(portal.devices().get("acme", "FSRV1", List.of()).version()).isEqualTo("7.8.3030.0");
        }
    }

    @Test
    void theDefaultFieldsAreOnesTheProtocolReferenceSaysAPortalAnswers() {
        // Protocol reference §5.1: the user attributes the SDK reads or writes (the password only written).
        assertThat(UserQuery.DEFAULT_FIELDS).isSubsetOf("name", "email", "firstName", "lastName", "role", "company",
                "comment", "requirePasswordChangeOn", "uid", "baseObjectRef", "displayName", "domain", "isTrashcan");
        // §5.2: the SDK's default device include, the online status it asks for, and the fields its export reads.
        assertThat(DeviceQuery.DEFAULT_FIELDS).isSubsetOf("name", "portal", "deviceType", "version",
                "remoteAccessUrl", "deviceConnectionStatus", "uid", "owner", "createDate", "modifiedDate");
    }

    @Test
    void againstTheSimulatorABrowsedTenantIsWorkedInAndKeptAcrossANewLogin() {
        try (CteraPortal portal = CteraPortal.builder().name("browse").baseUrl(simulator.baseUrl())
            .credentials(simulator.adminCredentials().username(), simulator.adminCredentials().password())
            .tenant("acme").build()) {
            assertThat(portal.users().find("gina.globex")).isEmpty();
            assertThat(portal.browse("globex").tenant()).isEqualTo("globex");
            assertThat(portal.users().get("gina.globex").email()).isEqualTo("gina@globex.example.com");
            simulator.faults().inject(FaultRule.forOperation("users.get").expireSession().times(1));
            assertThat(portal.users().get("gina.globex").name()).isEqualTo("gina.globex");
            assertThat(portal.portalSession().loginCount()).isEqualTo(2);
            assertThat(portal.session().tenant()).isEqualTo("globex");
            assertThatThrownBy(() -> portal.browse("no-such-tenant")).isInstanceOf(CteraNotFoundException.class);
            // The refused tenant is not kept: the next login browses globex again.
            simulator.faults().inject(FaultRule.forOperation("users.get").expireSession().times(1));
            assertThat(portal.users().get("gina.globex").name()).isEqualTo("gina.globex");
            assertThat(portal.portalSession().loginCount()).isEqualTo(3);
        }
    }

    @Test
    void onlyTheAdminContextBrowses() {
        try (CteraPortal portal = CteraPortal.builder().name("tenant").baseUrl(simulator.baseUrl())
            .context(PortalContext.SERVICES_PORTAL)
            .credentials(simulator.endUserCredentials().username(), simulator.endUserCredentials().password())
            .build()) {
            assertThatThrownBy(() -> portal.browse("globex")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("context admin");
        }
    }

    private static CteraPortalBuilder recorded() {
        return CteraPortal.builder().name("recorded").baseUrl("http://127.0.0.1:" + server.port())
            .credentials("admin", "secret").readTimeout(Duration.ofSeconds(5));
    }

    private static Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, String body) {
        String uri = request.uri();
        String accepted = request.requestHeaders().get(HttpHeaderNames.ACCEPT_ENCODING);
        if (accepted != null) {
            acceptEncodings.add(accepted);
        }
        if (!uri.endsWith("/api/logout")) {
            requests.add(request.method().name() + " " + uri + (body.isEmpty() || uri.endsWith("/login") ? "" : " "
                    + body));
        }
        arrivals.putIfAbsent(uri.substring(uri.lastIndexOf('/') + 1), System.nanoTime());
        return reply(request, response, uri);
    }

    private static Mono<Void> reply(HttpServerRequest request, HttpServerResponse response, String uri) {
        if (uri.endsWith("/api/login")) {
            return response.header(HttpHeaderNames.SET_COOKIE, "JSESSIONID=abc; Path=/").send();
        }
        if (uri.endsWith("/api/currentSession")) {
            return Mono.delay(Duration.ofMillis(150)).then(xml(response, "<obj><att id=\"username\"><val>admin</val>"
                    + "</att><att id=\"role\"><val>ReadWriteAdmin</val></att><att id=\"domain\" /></obj>"));
        }
        if (uri.endsWith("/api/currentPortal")) {
            return request.method().name().equals("PUT") ? response.send() : xml(response, "<val />");
        }
        if (uri.endsWith("/api/version")) {
            return xml(response, "<val>7.5.182.16</val>");
        }
        if (uri.endsWith("/api/rolesSettings/readWriteAdminSettings")) {
            return xml(response, ROLE_SETTINGS);
        }
        if (uri.contains("/api/users/")) {
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            byte[] user = ("<obj><att id=\"name\"><val>" + name + "</val></att><att id=\"email\"><val>" + name
                    + "@acme.example.com</val></att></obj>").getBytes(StandardCharsets.UTF_8);
            boolean gzip = name.startsWith("gzip");
            return response.header(HttpHeaderNames.CONTENT_TYPE, "text/xml;charset=UTF-8")
                .header(HttpHeaderNames.CONTENT_ENCODING, gzip ? "gzip" : "deflate")
                .sendByteArray(Mono.just(compressed(user, gzip))).then();
        }
        return response.send();
    }

    private static byte[] compressed(byte[] plain, boolean gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream encoder = gzip ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            encoder.write(plain);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toByteArray();
    }

    private static Mono<Void> xml(HttpServerResponse response, String body) {
        return response.header(HttpHeaderNames.CONTENT_TYPE, "text/xml;charset=UTF-8").sendString(Mono.just(body))
            .then();
    }
}
