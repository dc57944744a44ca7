package com.ctera.simulator;

import java.net.http.HttpResponse;

import com.ctera.simulator.xml.XmlObj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuthenticationTest {

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
    void globalAdminLogsInToTheAdminContextWithASessionCookie() throws Exception {
        HttpResponse<String> response = http.login("admin", simulator.adminCredentials());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
            .matches("JSESSIONID=[0-9A-F]{32}; Path=/; HttpOnly");
    }

    @Test
    void tenantUsersLogInToTheServicesPortal() throws Exception {
        assertThat(http.login("ServicesPortal", simulator.tenantAdminCredentials()).statusCode()).isEqualTo(200);
        assertThat(http.login("ServicesPortal", simulator.endUserCredentials()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsUnknownUsersAndWrongContextsGet403() throws Exception {
        String admin = simulator.adminCredentials().username();
        assertThat(http.login("admin", new SimulatorCredentials(admin, "wrong")).statusCode()).isEqualTo(403);
        assertThat(http.login("admin", new SimulatorCredentials("nobody", "x")).statusCode()).isEqualTo(403);
        assertThat(http.login("ServicesPortal", new SimulatorCredentials("alice", "bad")).statusCode()).isEqualTo(403);
        assertThat(http.login("ServicesPortal", simulator.adminCredentials()).statusCode()).isEqualTo(403);
        assertThat(http.login("admin", simulator.endUserCredentials()).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = http.login("admin", new SimulatorCredentials(admin, "wrong"));
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void disabledUsersCannotLogIn() throws Exception {
        simulator.state().addUser("acme", "disabled.user", "Secret-1", "Disabled", "d@acme.example.com");
        assertThat(http.login("ServicesPortal", new SimulatorCredentials("disabled.user", "Secret-1")).statusCode())
            .isEqualTo(403);
    }

    @Test
    void callsWithoutAValidCookieGetTheExpiryRedirect() throws Exception {
        HttpResponse<String> noCookie = http.send("GET", "/admin/api/version", null);
        assertThat(noCookie.statusCode()).isEqualTo(302);
        assertThat(noCookie.headers().firstValue("Location")).contains("/ServicesPortal/login.html");
        HttpResponse<String> unknown = http.send("GET", "/ServicesPortal/api/version", null, "Cookie",
                "JSESSIONID=0123456789ABCDEF");
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(unknown.headers().firstValue("Location")).contains("/ServicesPortal/login.html");
    }

    @Test
    void aSessionIsValidOnlyInTheContextItLoggedInTo() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        assertThat(admin.get("/version").statusCode()).isEqualTo(200);
        HttpResponse<String> elsewhere = http.send("GET", "/ServicesPortal/api/version", null, "Cookie", admin.cookie());
        assertThat(elsewhere.statusCode()).isEqualTo(302);
    }

    @Test
    void expireAllSessionsInvalidatesEveryExistingCookie() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        PortalHttp.Session user = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(admin.get("/currentSession").statusCode()).isEqualTo(200);

        simulator.expireAllSessions();

        for (HttpResponse<String> response : new HttpResponse[] { admin.get("/currentSession"),
                user.get("/currentSession") }) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).contains("/ServicesPortal/login.html");
        }
        assertThat(http.session("admin", simulator.adminCredentials()).get("/version").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAndIsAcceptedWithoutOne() throws Exception {
        PortalHttp.Session user = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(user.post("/logout", "").statusCode()).isEqualTo(200);
        assertThat(user.get("/currentSession").statusCode()).isEqualTo(302);
        assertThat(http.send("POST", "/admin/api/logout", "").statusCode()).isEqualTo(200);
    }

    @Test
    void bootstrapReadsDescribeTheSessionAndThePortal() throws Exception {
        PortalHttp.Session user = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(user.get("/currentSession").body()).isEqualTo("<obj><att id=\"username\"><val>alice</val></att>"
                + "<att id=\"role\"><val>EndUser</val></att><att id=\"domain\" /></obj>");
        assertThat(user.get("/currentPortal").body()).isEqualTo("<val>acme</val>");
        assertThat(user.get("/version").body()).isEqualTo("<val>7.5.182.16</val>");

        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        assertThat(admin.get("/currentSession").body()).contains("<val>admin</val>", "<val>ReadWriteAdmin</val>");
        assertThat(admin.get("/currentPortal").body()).isEqualTo("<val />");
        HttpResponse<String> roles = admin.get("/rolesSettings/readWriteAdminSettings");
        XmlObj settings = PortalHttp.parseObj(roles);
        assertThat(settings.className()).isEqualTo("PortalRoleSettings");
        assertThat(settings.text("canManageUsers")).contains("true");
        assertThat(settings.has("canAccessEndUserFolders")).isTrue();
        assertThat(admin.get("/rolesSettings/nonsense").statusCode()).isEqualTo(404);
    }

    @Test
    void publicInfoNeedsNoSession() throws Exception {
        HttpResponse<String> response = http.send("GET", "/ServicesPortal/public/publicInfo", null);
        assertThat(response.statusCode()).isEqualTo(200);
        XmlObj info = PortalHttp.parseObj(response);
        assertThat(info.text("version")).contains("7.5.182.16");
        assertThat(info.text("name")).isPresent();
    }

    @Test
    void bearerTokensAuthenticateWithoutLogin() throws Exception {
        String adminToken = simulator.issueBearerToken("admin");
        HttpResponse<String> session = http.bearer("admin", adminToken).get("/currentSession");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("<val>admin</val>");

        String userToken = simulator.issueBearerToken(simulator.endUserCredentials().username());
        assertThat(http.bearer("ServicesPortal", userToken).get("/currentPortal").body()).isEqualTo("<val>acme</val>");
        // A tenant user's token does not open global administration.
        assertThat(http.bearer("admin", userToken).get("/version").statusCode()).isEqualTo(401);
        assertThat(http.bearer("admin", "not-a-token").get("/version").statusCode()).isEqualTo(401);
    }

    @Test
    void bearerTokensSurviveSessionExpiryAndUnknownUsersGetNone() throws Exception {
        String token = simulator.issueBearerToken("admin");
        simulator.expireAllSessions();
        assertThat(http.bearer("admin", token).get("/version").statusCode()).isEqualTo(200);
        assertThatIllegalArgumentException().isThrownBy(() -> simulator.issueBearerToken("ghost"));
    }

    @Test
    void ssoTicketsFromGetSessionTokenOpenATenantSession() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        HttpResponse<String> ticket = admin.post("", PortalHttp.execute("getSessionToken",
                "<obj><att id=\"username\"><val>alice</val></att><att id=\"portal\"><val>acme</val></att></obj>"));
        assertThat(ticket.statusCode()).isEqualTo(200);
        String value = ticket.body().replaceAll("</?val>", "");
        HttpResponse<String> sso = http.send("POST", "/ServicesPortal/sso", "ctera_ticket=" + value, "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(sso.statusCode()).isEqualTo(200);
        String cookie = PortalHttp.cookieOf(sso).orElseThrow();
        assertThat(http.send("GET", "/ServicesPortal/api/currentSession", null, "Cookie", cookie).body())
            .contains("<val>alice</val>");
        assertThat(http.send("GET", "/ServicesPortal/api/currentSession", null, "Cookie", cookie).headers()
            .firstValue("X-CTERA-TOKEN")).isPresent();
        // Only global administrators mint tickets.
        PortalHttp.Session tenantAdmin = http.session("ServicesPortal", simulator.tenantAdminCredentials());
        assertThat(tenantAdmin.post("", PortalHttp.execute("getSessionToken",
                "<obj><att id=\"username\"><val>alice</val></att></obj>")).statusCode()).isEqualTo(403);
        // Tickets are single-use.
        assertThat(http.send("POST", "/ServicesPortal/sso", "ctera_ticket=" + value, "Content-Type",
                "application/x-www-form-urlencoded").statusCode()).isEqualTo(403);
    }

    @Test
    void unknownPathsAndContextsAreNotFound() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        assertThat(admin.get("/no/such/thing").statusCode()).isEqualTo(404);
        assertThat(http.send("GET", "/elsewhere/api/version", null).statusCode()).isEqualTo(404);
    }

    @Test
    void credentialsAndOptionsNeverShowPasswords() {
        assertThat(simulator.adminCredentials().toString()).doesNotContain(simulator.adminCredentials().password())
            .contains("admin");
        assertThat(SimulatorOptions.defaults().withAdminPassword("Sup3rSecret").toString()).doesNotContain("Sup3rSecret");
    }
}
