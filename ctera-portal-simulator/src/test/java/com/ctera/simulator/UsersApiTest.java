package com.ctera.simulator;

import java.net.http.HttpResponse;
import java.util.List;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.db;
import static com.ctera.simulator.PortalHttp.execute;
import static com.ctera.simulator.PortalHttp.filter;
import static com.ctera.simulator.PortalHttp.queryParams;
import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTest {

    private static CteraPortalSimulator simulator;
    private static PortalHttp http;
    private static PortalHttp.Session admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = CteraPortalSimulator.start();
        http = new PortalHttp(simulator);
        admin = http.session("admin", simulator.adminCredentials());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static List<XmlObj> objects(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        XmlObj result = PortalHttp.parseObj(response);
        assertThat(result.has("hasMore")).isTrue();
        return ((XmlList) result.get("objects")).items().stream().map(XmlObj.class::cast).toList();
    }

    static boolean hasMore(HttpResponse<String> response) {
        return PortalHttp.parseObj(response).text("hasMore").orElseThrow().equals("true");
    }

    static List<String> names(List<XmlObj> objects) {
        return objects.stream().map(obj -> obj.text("name").orElseThrow()).toList();
    }

    @Test
    void queryPagesThroughAllUsersWithHasMore() throws Exception {
        int total = simulator.state().userCount("acme");
        assertThat(total).isGreaterThanOrEqualTo(60);
        String include = "<val>email</val><val>firstName</val><val>lastName</val><val>role</val><val>name</val>";
        HttpResponse<String> first = admin.post("/users", db("query", queryParams(0, 50, include, "")));
        HttpResponse<String> second = admin.post("/users", db("query", queryParams(50, 50, include, "")));
        assertThat(hasMore(first)).isTrue();
        assertThat(hasMore(second)).isFalse();
        List<String> all = new java.util.ArrayList<>(names(objects(first)));
        all.addAll(names(objects(second)));
        assertThat(objects(first)).hasSize(50);
        assertThat(all).hasSize(total).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void anExactlyFullLastPageHasNoMore() throws Exception {
        int total = simulator.state().userCount("acme");
        HttpResponse<String> page = admin.post("/users", db("query", queryParams(0, total, "", "")));
        assertThat(objects(page)).hasSize(total);
        assertThat(hasMore(page)).isFalse();
        HttpResponse<String> beyond = admin.post("/users", db("query", queryParams(total + 10, 50, "", "")));
        assertThat(objects(beyond)).isEmpty();
        assertThat(beyond.body()).contains("<list />");
    }

    @Test
    void includeReturnsOnlyTheIncludedAttributesPlusName() throws Exception {
        HttpResponse<String> response = admin.post("/users", db("query", queryParams(0, 3, "<val>email</val>", "")));
        for (XmlObj user : objects(response)) {
            assertThat(user.attributes().keySet()).containsExactlyInAnyOrder("name", "email");
            assertThat(user.text("email").orElseThrow()).endsWith("@acme.example.com");
        }
        HttpResponse<String> dotted = admin.post("/users", db("query", queryParams(0, 1, "<val>uid</val><val>role</val>", "")));
        assertThat(objects(dotted).get(0).attributes().keySet()).containsExactlyInAnyOrder("name", "uid", "role");
    }

    @Test
    void filtersAreAndedByDefaultAndOredWithOrFilter() throws Exception {
        String endUsers = filter("StringFilter", "role", "eq", "EndUser");
        String liam = filter("StringFilter", "firstName", "like", "LIAM");
        HttpResponse<String> and = admin.post("/users", db("query", queryParams(0, 100, "<val>role</val><val>firstName</val>",
                "<att id=\"filters\"><list>" + endUsers + liam + "</list></att>")));
        List<XmlObj> both = objects(and);
        assertThat(both).isNotEmpty().allSatisfy(user -> {
            assertThat(user.text("role")).contains("EndUser");
            assertThat(user.text("firstName")).contains("Liam");
        });
        HttpResponse<String> or = admin.post("/users", db("query", queryParams(0, 100, "<val>role</val><val>firstName</val>",
                "<att id=\"filters\"><list>" + filter("StringFilter", "role", "eq", "ReadOnlyAdmin") + liam
                        + "</list></att><att id=\"orFilter\"><val>true</val></att>")));
        List<XmlObj> either = objects(or);
        assertThat(either).anySatisfy(user -> assertThat(user.text("role")).contains("ReadOnlyAdmin"));
        assertThat(either).allSatisfy(user -> assertThat(
                user.text("role").orElseThrow().equals("ReadOnlyAdmin") || user.text("firstName").orElseThrow().equals("Liam"))
            .isTrue());
        assertThat(either.size()).isGreaterThan(both.size());
    }

    @Test
    void restrictionsCompareByTheFilterType() throws Exception {
        String notLike = filter("StringFilter", "email", "notLike", "liam");
        List<XmlObj> noLiam = objects(admin.post("/users", db("query", queryParams(0, 200, "<val>email</val>",
                "<att id=\"filters\"><list>" + notLike + "</list></att>"))));
        assertThat(noLiam).isNotEmpty().noneSatisfy(user -> assertThat(user.text("email").orElse("")).contains("liam"));

        List<XmlObj> all = objects(admin.post("/users", db("query", queryParams(0, 200, "<val>uid</val>", ""))));
        long median = all.stream().mapToLong(user -> Long.parseLong(user.text("uid").orElseThrow())).sorted()
            .skip(all.size() / 2).findFirst().orElseThrow();
        List<XmlObj> high = objects(admin.post("/users", db("query", queryParams(0, 200, "<val>uid</val>",
                "<att id=\"filters\"><list>" + filter("IntFilter", "uid", "ge", Long.toString(median)) + "</list></att>"))));
        assertThat(high).isNotEmpty().hasSizeLessThan(all.size())
            .allSatisfy(user -> assertThat(Long.parseLong(user.text("uid").orElseThrow())).isGreaterThanOrEqualTo(median));
        List<XmlObj> exact = objects(admin.post("/users", db("query", queryParams(0, 200, "",
                "<att id=\"filters\"><list>" + filter("StringFilter", "name", "eq", "alice") + "</list></att>"))));
        assertThat(names(exact)).containsExactly("alice");
    }

    @Test
    void anUnknownRestrictionOrMalformedBodyIs400() throws Exception {
        HttpResponse<String> bad = admin.post("/users", db("query", queryParams(0, 10, "",
                "<att id=\"filters\"><list>" + filter("StringFilter", "name", "sortOf", "a") + "</list></att>")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(PortalHttp.parseObj(bad).text("msg")).isPresent();
        assertThat(admin.post("/users", "<obj><att id=\"type\">").statusCode()).isEqualTo(400);
        assertThat(admin.put("/users/alice", "<obj><broken></obj>").statusCode()).isEqualTo(400);
    }

    @Test
    void getMultiReturnsOnlyRequestedAttributesAndANullNameWhenMissing() throws Exception {
        String paths = "<list><val>/email</val><val>/uid</val><val>/name</val></list>";
        HttpResponse<String> found = admin.post("/users/alice", db("get-multi", paths));
        XmlObj alice = PortalHttp.parseObj(found);
        assertThat(alice.attributes().keySet()).containsExactlyInAnyOrder("email", "uid", "name");
        assertThat(alice.text("name")).contains("alice");

        HttpResponse<String> missing = admin.post("/users/nobody", db("get-multi", paths));
        assertThat(missing.statusCode()).isEqualTo(200);
        XmlObj nobody = PortalHttp.parseObj(missing);
        assertThat(nobody.has("name")).isTrue();
        assertThat(nobody.get("name")).isNull();
        assertThat(missing.body()).contains("<att id=\"name\" />");
    }

    @Test
    void readReturnsTheWholePortalUserWithoutPasswordAnd404WhenMissing() throws Exception {
        HttpResponse<String> response = admin.get("/users/alice");
        XmlObj alice = PortalHttp.parseObj(response);
        assertThat(alice.className()).isEqualTo("PortalUser");
        assertThat(alice.text("email")).contains("alice@acme.example.com");
        assertThat(alice.has("password")).isTrue();
        assertThat(alice.get("password")).isNull();
        assertThat(response.body()).doesNotContain(simulator.endUserCredentials().password());

        HttpResponse<String> missing = admin.get("/users/nobody");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("<obj><att id=\"msg\"><val>Resource does not exist</val></att></obj>");
    }

    @Test
    void addCreatesAUserThatCanLogInAndRejectsDuplicatesAndBadInput() throws Exception {
        String user = "<obj class=\"PortalUser\"><att id=\"name\"><val>new.user</val></att><att id=\"email\"><val>new@acme.com</val></att>"
                + "<att id=\"firstName\"><val>New</val></att><att id=\"lastName\"><val>User</val></att>"
                + "<att id=\"password\"><val>P@ssw0rd!</val></att><att id=\"role\"><val>EndUser</val></att>"
                + "<att id=\"company\" /><att id=\"comment\"><val>c</val></att><att id=\"requirePasswordChangeOn\"><val>2026-11-25</val></att></obj>";
        HttpResponse<String> added = admin.post("/users", db("add", user));
        assertThat(added.statusCode()).isEqualTo(200);
        String uid = simulator.state().user("acme", "new.user").orElseThrow().get("uid");
        assertThat(added.body()).isEqualTo("<val>objs/" + uid + "/acme/PortalUser/new.user</val>");
        assertThat(simulator.state().user("acme", "new.user").orElseThrow())
            .containsEntry("email", "new@acme.com").containsEntry("requirePasswordChangeOn", "2026-11-25")
            .doesNotContainKey("password");
        assertThat(http.login("ServicesPortal", new SimulatorCredentials("new.user", "P@ssw0rd!")).statusCode()).isEqualTo(200);

        HttpResponse<String> duplicate = admin.post("/users", db("add", user));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(PortalHttp.parseObj(duplicate).text("msg")).isPresent();

        assertThat(admin.post("/users", db("add", "<obj class=\"PortalUser\"><att id=\"email\"><val>x@y</val></att></obj>"))
            .statusCode()).isEqualTo(400);
        assertThat(admin.post("/users", db("add", "<obj class=\"PortalUser\"><att id=\"name\"><val>r.user</val></att>"
                + "<att id=\"role\"><val>Emperor</val></att></obj>")).statusCode()).isEqualTo(400);
        assertThat(simulator.state().userExists("acme", "r.user")).isFalse();
    }

    @Test
    void modifyReplacesTheObjectAndKeepsThePasswordWhenNull() throws Exception {
        simulator.state().addUser("acme", "mod.user", "Old-Pass1", "EndUser", "mod@acme.com");
        XmlObj current = PortalHttp.parseObj(admin.get("/users/mod.user"));
        XmlObj changed = XmlObj.ofClass("PortalUser");
        current.attributes().forEach(changed::put);
        changed.put("email", "changed@acme.com").put("role", "ReadOnlyAdmin").put("lastName", "Changed");
        HttpResponse<String> put = admin.put("/users/mod.user", com.ctera.simulator.xml.XmlWriter.write(changed));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(simulator.state().user("acme", "mod.user").orElseThrow())
            .containsEntry("email", "changed@acme.com").containsEntry("role", "ReadOnlyAdmin")
            .containsEntry("lastName", "Changed");
        assertThat(http.login("ServicesPortal", new SimulatorCredentials("mod.user", "Old-Pass1")).statusCode()).isEqualTo(200);

        changed.put("password", "New-Pass2");
        admin.put("/users/mod.user", com.ctera.simulator.xml.XmlWriter.write(changed));
        assertThat(http.login("ServicesPortal", new SimulatorCredentials("mod.user", "New-Pass2")).statusCode()).isEqualTo(200);

        assertThat(admin.put("/users/ghost", com.ctera.simulator.xml.XmlWriter.write(changed)).statusCode()).isEqualTo(404);
    }

    @Test
    void deleteRemovesTheUserAnd404sWhenMissing() throws Exception {
        simulator.state().addUser("acme", "del.user", "Pass-1", "EndUser", "del@acme.com");
        HttpResponse<String> deleted = admin.post("/users/del.user", execute("delete", "<val>true</val>"));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(simulator.state().userExists("acme", "del.user")).isFalse();
        assertThat(admin.post("/users/del.user", execute("delete", "<val>true</val>")).statusCode()).isEqualTo(404);
    }

    @Test
    void inTheServicesPortalOnlyAReadWriteAdminChangesUsers() throws Exception {
        String user = "<obj class=\"PortalUser\"><att id=\"name\"><val>sp.user</val></att><att id=\"role\"><val>EndUser</val></att></obj>";
        PortalHttp.Session endUser = http.session("ServicesPortal", simulator.endUserCredentials());
        HttpResponse<String> refused = endUser.post("/users", db("add", user));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(endUser.post("/users/alice", execute("delete", "<val>true</val>")).statusCode()).isEqualTo(403);
        assertThat(simulator.state().userExists("acme", "sp.user")).isFalse();
        assertThat(simulator.requests().processed("users.add")).isZero();

        PortalHttp.Session tenantAdmin = http.session("ServicesPortal", simulator.tenantAdminCredentials());
        assertThat(tenantAdmin.post("/users", db("add", user)).statusCode()).isEqualTo(200);
        assertThat(simulator.state().userExists("acme", "sp.user")).isTrue();
        // Reading stays open to every tenant user.
        assertThat(endUser.post("/users", db("query", queryParams(0, 5, "", ""))).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsXmlBodiesWhateverTheContentType() throws Exception {
        String body = db("query", queryParams(0, 1, "", ""));
        for (String type : List.of("application/octet-stream", "application/xml", "text/plain")) {
            HttpResponse<String> response = http.send("POST", "/admin/api/users", body, "Cookie", admin.cookie(),
                    "Content-Type", type);
            assertThat(response.statusCode()).as(type).isEqualTo(200);
        }
        HttpResponse<String> none = http.send("POST", "/admin/api/users", body, "Cookie", admin.cookie());
        assertThat(none.statusCode()).isEqualTo(200);
    }

}
