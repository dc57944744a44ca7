package com.ctera.simulator;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.execute;
import static com.ctera.simulator.PortalHttp.filter;
import static com.ctera.simulator.PortalHttp.queryParams;
import static org.assertj.core.api.Assertions.assertThat;

/** Logs (§5.7), statistics (§5.3, §5.5), usage history (assumption) and reports (§5.8), with the demo history. */
class LogsStatisticsReportsTest {

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

    private static String logQuery(int start, int count, String topic, String severity, String filters) {
        return execute("queryLogs", "<obj><att id=\"startFrom\"><val>" + start + "</val></att><att id=\"countLimit\">"
                + "<val>" + count + "</val></att><att id=\"topic\"><val>" + topic + "</val></att><att id=\"minSeverity\">"
                + "<val>" + severity + "</val></att><att id=\"filters\"><list>"
                + filter("StringFilter", "originType", "eq", "Portal") + filters + "</list></att></obj>");
    }

    private static List<XmlObj> logs(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        XmlObj body = PortalHttp.parseObj(response);
        assertThat(body.has("hasMore")).isTrue();
        return ((XmlList) body.get("logs")).items().stream().map(XmlObj.class::cast).toList();
    }

    /** Every record of a query, page by page. */
    private static List<XmlObj> allLogs(String topic, String severity, String filters) throws Exception {
        List<XmlObj> all = new ArrayList<>();
        for (int start = 0; start < 100_000; start += 500) {
            HttpResponse<String> response = admin.post("", logQuery(start, 500, topic, severity, filters));
            all.addAll(logs(response));
            if (PortalHttp.parseObj(response).text("hasMore").orElseThrow().equals("false")) {
                return all;
            }
        }
        throw new AssertionError("Too many pages");
    }

    @Test
    void failedAndSuccessfulLoginsAreLoggedWithUserAndAddress() throws Exception {
        http.send("POST", "/ServicesPortal/api/login", "j_username=alice&j_password=wrong", "Content-Type",
                "application/x-www-form-urlencoded", "X-Forwarded-For", "198.51.100.77");
        http.send("POST", "/ServicesPortal/api/login", "j_username=alice&j_password=" + PortalHttp.encode(
                simulator.endUserCredentials().password()), "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", "198.51.100.78");
        String fromAddress = filter("StringFilter", "ipAddress", "eq", "198.51.100.77");
        List<XmlObj> failed = allLogs("access", "warning", fromAddress);
        assertThat(failed).singleElement().satisfies(record -> {
            assertThat(record.text("logName")).contains("LoginFailed");
            assertThat(record.text("username")).contains("alice");
            assertThat(record.text("result")).contains("failure");
            assertThat(record.text("severity")).contains("warning");
            assertThat(record.attributes().keySet()).contains("time", "topic", "originType", "origin", "msg",
                    "action", "more");
        });
        assertThat(allLogs("access", "warning", filter("StringFilter", "ipAddress", "eq", "198.51.100.78"))).isEmpty();
        assertThat(allLogs("access", "info", filter("StringFilter", "ipAddress", "eq", "198.51.100.78")))
            .singleElement().satisfies(record -> assertThat(record.text("logName")).contains("Login"));
        assertThat(simulator.state().logs("LoginFailed")).anySatisfy(
                record -> assertThat(record).containsEntry("ipAddress", "198.51.100.77"));
    }

    @Test
    void historyCoversNinetyDaysWithFailedLoginsFromUnusualAddresses() throws Exception {
        List<XmlObj> access = allLogs("access", "info", "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> days = access.stream()
            .map(record -> LocalDate.parse(record.text("time").orElseThrow().substring(0, 10)))
            .toList();
        assertThat(days).contains(today.minusDays(DemoFiles.HISTORY_DAYS - 1L), today.minusDays(1));
        assertThat(days).isSorted();
        List<XmlObj> unusual = access.stream()
            .filter(record -> DemoFiles.UNUSUAL_ADDRESSES.contains(record.text("ipAddress").orElse("")))
            .toList();
        assertThat(unusual.stream().filter(record -> record.text("result").orElse("").equals("failure")).count())
            .isGreaterThanOrEqualTo(20);
        assertThat(allLogs("audit", "info", "")).anySatisfy(
                record -> assertThat(record.text("action")).contains("upload"));
    }

    @Test
    void logQueriesFilterByTimeAndPage() throws Exception {
        LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        String lastWeek = filter("DateTimeFilter", "time", "gt", since + "T00:00:00");
        List<XmlObj> recent = allLogs("access", "info", lastWeek);
        assertThat(recent).isNotEmpty().allSatisfy(record ->
                assertThat(record.text("time").orElseThrow().compareTo(since + "T00:00:00")).isPositive());
        HttpResponse<String> page = admin.post("", logQuery(0, 5, "access", "info", ""));
        assertThat(logs(page)).hasSize(5);
        assertThat(PortalHttp.parseObj(page).text("hasMore")).contains("true");
        assertThat(admin.post("", logQuery(0, 5, "access", "loud", "")).statusCode()).isEqualTo(400);
        PortalHttp.Session endUser = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(endUser.post("", logQuery(0, 5, "access", "info", "")).statusCode()).isEqualTo(403);
    }

    @Test
    void userAdministrationIsAudited() throws Exception {
        HttpResponse<String> added = admin.post("/users", PortalHttp.db("add", "<obj class=\"PortalUser\"><att id=\"name\">"
                + "<val>audited.user</val></att><att id=\"email\"><val>a@acme.example.com</val></att></obj>"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(simulator.state().logs("UserAdded")).anySatisfy(record -> {
            assertThat(record).containsEntry("username", "admin").containsEntry("more", "audited.user");
        });
    }

    @Test
    void tenantStatisticsAgreeWithStoredFiles() throws Exception {
        HttpResponse<String> response = admin.post("", execute("getPortalsDisplayInfo", "<obj class=\"QueryParams\">"
                + "<att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att>"
                + "<att id=\"isTrashcan\"><val>false</val></att></obj>"));
        List<XmlObj> portals = UsersApiTest.objects(response);
        XmlObj acme = portals.stream().filter(row -> row.text("name").orElse("").equals("acme")).findFirst()
            .orElseThrow();
        long stored = 0;
        for (String user : List.of("alice", "morgan.reed")) {
            stored += simulator.state().usage("acme", user);
        }
        assertThat(Long.parseLong(acme.text("usedStorageQuota").orElseThrow())).isGreaterThanOrEqualTo(stored)
            .isPositive();
        assertThat(acme.text("numberOfUsers")).contains(Integer.toString(simulator.state().userCount("acme")));
        assertThat(acme.attributes().keySet()).contains("uid", "portalType", "totalStorageQuota",
                "numberOfConnectedDevices", "resourcesQuotas", "portalTrashcanInfo");
        PortalHttp.Session endUser = http.session("ServicesPortal", simulator.endUserCredentials());
        assertThat(endUser.post("", execute("getPortalsDisplayInfo", queryParams(0, 50, "", ""))).statusCode())
            .isEqualTo(403);
    }

    @Test
    void cloudDrivesQueryReportsEachFolderUsage() throws Exception {
        String include = "<val>folderStats</val><val>folderQuota</val><val>group</val><val>name</val><val>owner</val>";
        String byOwner = "<att id=\"filters\"><list>" + filter("RefFilter", "owner", "eq", "alice") + "</list></att>";
        List<XmlObj> rows = UsersApiTest.objects(admin.post("/cloudDrives", PortalHttp.db("query",
                queryParams(0, 50, include, byOwner))));
        assertThat(rows).singleElement().satisfies(row -> {
            XmlObj stats = (XmlObj) row.get("folderStats");
            assertThat(Long.parseLong(stats.text("cloudFolderSize").orElseThrow()))
                .isEqualTo(simulator.state().usage("acme", "alice"));
            assertThat(row.text("name")).contains("My Files");
            assertThat(row.text("owner").orElseThrow()).endsWith("/PortalUser/alice");
        });
        List<XmlObj> tenantRows = UsersApiTest.objects(admin.post("/portals/globex/cloudDrives", PortalHttp.db("query",
                queryParams(0, 50, include, ""))));
        assertThat(tenantRows).hasSize(simulator.state().userCount("globex"));
    }

    @Test
    void usageHistoryGrowsToTodaysUsage() throws Exception {
        String byAlice = "<att id=\"filters\"><list>" + filter("StringFilter", "username", "eq", "alice")
                + "</list></att>";
        List<XmlObj> rows = new ArrayList<>();
        for (int start = 0; start < 1000; start += 50) {
            HttpResponse<String> response = admin.post("", execute("queryUsageHistory", queryParams(start, 50,
                    "<val>date</val><val>cloudFolderSize</val><val>username</val>", byAlice)));
            rows.addAll(UsersApiTest.objects(response));
            if (!UsersApiTest.hasMore(response)) {
                break;
            }
        }
        assertThat(rows).hasSize(DemoFiles.HISTORY_DAYS + 1);
        long first = Long.parseLong(rows.get(0).text("cloudFolderSize").orElseThrow());
        long last = Long.parseLong(rows.get(rows.size() - 1).text("cloudFolderSize").orElseThrow());
        assertThat(first).isLessThan(last);
        assertThat(last).isEqualTo(simulator.state().usage("acme", "alice"));
        assertThat(rows.get(rows.size() - 1).text("date")).contains(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void reportsAreGeneratedThenRead() throws Exception {
        assertThat(admin.get("/reports/portalsStatisticsReport").statusCode()).isEqualTo(404);
        HttpResponse<String> generated = admin.post("", execute("generateReport",
                "<val>portalsStatisticsReport</val>"));
        assertThat(generated.statusCode()).isEqualTo(200);
        HttpResponse<String> report = admin.get("/reports/portalsStatisticsReport");
        assertThat(report.statusCode()).isEqualTo(200);
        XmlObj body = PortalHttp.parseObj(report);
        assertThat(((XmlList) body.get("rows")).items()).hasSize(2);
        assertThat(admin.post("", execute("generateReport", "<val>foldersStatisticsReport</val>")).statusCode())
            .isEqualTo(400);
        PortalHttp.Session tenantAdmin = http.session("ServicesPortal", simulator.tenantAdminCredentials());
        assertThat(tenantAdmin.post("", execute("generateReport", "<val>foldersStatisticsReport</val>")).statusCode())
            .isEqualTo(200);
        XmlObj folders = PortalHttp.parseObj(tenantAdmin.get("/reports/foldersStatisticsReport"));
        assertThat(((XmlList) folders.get("rows")).items()).hasSize(simulator.state().userCount("acme"));
    }
}
