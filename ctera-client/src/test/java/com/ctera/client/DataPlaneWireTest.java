package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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

import com.ctera.client.logs.LogEntry;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.logs.LogSeverity;
import com.ctera.client.logs.LogTopic;
import com.ctera.client.protocol.TaskRef;
import com.ctera.client.reports.ReportName;
import com.ctera.client.tasks.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The data-plane requests compared byte for byte with the SDK capture of the protocol reference (§5.4–§5.9), sent
 * to a recording stub that answers with the reference's minimal shapes.
 */
class DataPlaneWireTest {

    private static final String RESOURCE = "<obj class=\"ResourceInfo\"><att id=\"href\"><val>/ServicesPortal/webdav/"
            + "My%20Files/docs</val></att><att id=\"name\"><val>docs</val></att><att id=\"isFolder\"><val>true</val>"
            + "</att><att id=\"isDeleted\"><val>false</val></att><att id=\"size\"><val>0</val></att><att id=\"permalink\" />"
            + "<att id=\"lastmodified\"><val>2024-05-01T10:00:00</val></att><att id=\"scope\"><val>Personal</val></att>"
            + "<att id=\"permission\"><val>ReadWrite</val></att><att id=\"cloudFolderInfo\"><obj><att id=\"uid\"><val>123"
            + "</val></att><att id=\"name\"><val>My Files</val></att><att id=\"groupUid\"><val>7</val></att><att id=\""
            + "passphraseProtected\"><val>false</val></att><att id=\"ownerUid\"><val>55</val></att><att id=\""
            + "ownerFriendlyName\"><val>Alice</val></att></obj></att></obj>";

    private static final List<Captured> captured = new CopyOnWriteArrayList<>();

    private static DisposableServer stub;

    private static CteraPortal portal;

    @BeforeAll
    static void start() {
        stub = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> answer(request, response, body)))
                .bindNow();
        portal = CteraPortal.builder().baseUrl("http://127.0.0.1:" + stub.port())
                .context(PortalContext.SERVICES_PORTAL).credentials("alice", "secret")
                .readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        portal.close();
        stub.disposeNow();
    }

    @BeforeEach
    void clear() {
        portal.session();
        captured.clear();
    }

    @Test
    void statAndListSendTheFetchResourcesParamOfSection542() {
        portal.files().list("My Files/docs").toList();
        assertThat(captured).extracting(Captured::body).containsExactly(
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>fetchResources</val></att><att id=\"param\"><obj class=\"FetchResourcesParam\"><att id=\"start\"><val>0</val></att><att id=\"limit\"><val>100</val></att><att id=\"root\"><val>/ServicesPortal/webdav/My%20Files/docs</val></att><att id=\"depth\"><val>0</val></att></obj></att></obj>",
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>fetchResources</val></att><att id=\"param\"><obj class=\"FetchResourcesParam\"><att id=\"start\"><val>0</val></att><att id=\"limit\"><val>100</val></att><att id=\"root\"><val>/ServicesPortal/webdav/My%20Files/docs</val></att><att id=\"depth\"><val>1</val></att></obj></att></obj>");
        assertThat(captured).extracting(Captured::uri).containsOnly("/ServicesPortal/api");
    }

    @Test
    void makeCollectionOfSection543() {
        portal.files().mkdir("My Files/docs/new folder");
        assertThat(captured).extracting(Captured::body).containsExactly(
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>makeCollection</val></att><att id=\"param\"><obj><att id=\"name\"><val>new folder</val></att><att id=\"parentPath\"><val>/ServicesPortal/webdav/My%20Files/docs</val></att></obj></att></obj>");
    }

    @Test
    void uploadSendsTheMultipartFieldsOfSection544InOrder() {
        portal.files().upload(new ByteArrayInputStream("hello upload".getBytes(StandardCharsets.UTF_8)),
                "My Files/docs", "up.txt");
        Captured upload = captured.get(captured.size() - 1);
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.uri()).isEqualTo("/ServicesPortal/upload/folders/123");
        assertThat(upload.contentType()).startsWith("multipart/form-data").contains("boundary=");
        String body = upload.body();
        int name = body.indexOf("name=\"name\"");
        int fileName = body.indexOf("name=\"Filename\"");
        int fullPath = body.indexOf("name=\"fullpath\"");
        int fileSize = body.indexOf("name=\"fileSize\"");
        int file = body.indexOf("name=\"file\"; filename=\"file\"");
        assertThat(name).isPositive().isLessThan(fileName);
        assertThat(fileName).isLessThan(fullPath);
        assertThat(fullPath).isLessThan(fileSize);
        assertThat(fileSize).isLessThan(file);
        assertThat(body).contains("\r\n\r\nup.txt\r\n")
                .contains("\r\n\r\nhttp://127.0.0.1:" + stub.port() + "/ServicesPortal/webdav/My%20Files/docs/up.txt\r\n")
                .contains("\r\n\r\n12\r\n")
                .contains("Content-Type: application/octet-stream")
                .contains("\r\n\r\nhello upload\r\n");
    }

    @Test
    void downloadStatsThenGetsTheWebdavPath() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        portal.files().download("My Files/docs/a.txt", out);
        assertThat(captured.get(1).method()).isEqualTo("GET");
        assertThat(captured.get(1).uri()).isEqualTo("/ServicesPortal/webdav/My%20Files/docs/a.txt");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("file bytes");
    }

    @Test
    void zipSendsInputXmlOfSection546() {
        portal.files().downloadZip("My Files/docs", List.of("a.txt", "sub"), new ByteArrayOutputStream());
        portal.files().downloadZip("My Files/docs", List.of(), new ByteArrayOutputStream());
        List<Captured> zips = captured.stream().filter(request -> request.uri().startsWith("/ServicesPortal/folders"))
                .toList();
        assertThat(zips).extracting(Captured::uri).containsOnly("/ServicesPortal/folders/folders/123");
        assertThat(zips.get(0).contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(zips.get(0).body()).isEqualTo("inputXML=%3Cobj%3E%3Catt+id%3D%22paths%22%3E%3Clist%3E%3Cval%3E%2FServicesPortal%2Fwebdav%2FMy%2520Files%2Fdocs%2Fa.txt%3C%2Fval%3E%3Cval%3E%2FServicesPortal%2Fwebdav%2FMy%2520Files%2Fdocs%2Fsub%3C%2Fval%3E%3C%2Flist%3E%3C%2Fatt%3E%3Catt+id%3D%22snapshot%22+%2F%3E%3Catt+id%3D%22password%22+%2F%3E%3Catt+id%3D%22portalName%22+%2F%3E%3Catt+id%3D%22showDeleted%22%3E%3Cval%3Efalse%3C%2Fval%3E%3C%2Fatt%3E%3C%2Fobj%3E");
        assertThat(URLDecoder.decode(zips.get(1).body().substring("inputXML=".length()), StandardCharsets.UTF_8))
                .isEqualTo("<obj><att id=\"paths\"><list><val>/ServicesPortal/webdav/My Files/docs</val></list></att><att id=\"snapshot\" /><att id=\"password\" /><att id=\"portalName\" /><att id=\"showDeleted\"><val>false</val></att></obj>");
    }

    @Test
    void backgroundFileOperationsOfSection547AndTheTaskStatusCall() {
        var task = portal.files().delete(List.of("My Files/docs/a.txt", "My Files/docs/sub"));
        assertThat(task.ref().path()).isEqualTo("servers/MainDB/bgTasks/918908");
        portal.files().copy(List.of("My Files/docs/a.txt"), "My Files/dest");
        portal.tasks().get(task.ref());
        assertThat(captured).extracting(Captured::body).containsExactly(
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>deleteResources</val></att><att id=\"param\"><obj class=\"ActionResourcesParam\"><att id=\"urls\"><list><obj class=\"SrcDstParam\"><att id=\"src\"><val>/ServicesPortal/webdav/My%20Files/docs/a.txt</val></att><att id=\"dest\" /></obj><obj class=\"SrcDstParam\"><att id=\"src\"><val>/ServicesPortal/webdav/My%20Files/docs/sub</val></att><att id=\"dest\" /></obj></list></att><att id=\"startFrom\" /></obj></att></obj>",
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>copyResources</val></att><att id=\"param\"><obj class=\"ActionResourcesParam\"><att id=\"urls\"><list><obj class=\"SrcDstParam\"><att id=\"src\"><val>/ServicesPortal/webdav/My%20Files/docs/a.txt</val></att><att id=\"dest\"><val>/ServicesPortal/webdav/My%20Files/dest/a.txt</val></att></obj></list></att><att id=\"startFrom\" /></obj></att></obj>",
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>getTaskStatus</val></att><att id=\"param\"><val>servers/MainDB/bgTasks/918908</val></att></obj>");
    }

    @Test
    void globalAdministrationReadsTasksByGet() {
        try (CteraPortal admin = CteraPortal.builder().baseUrl("http://127.0.0.1:" + stub.port())
                .context(PortalContext.ADMIN).credentials("admin", "secret").readTimeout(Duration.ofSeconds(5))
                .build()) {
            admin.session();
            captured.clear();
            var task = admin.tasks().get(TaskRef.parse("servers/MainDB/bgTasks/918908"));
            assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(captured).extracting(Captured::method, Captured::uri)
                    .containsExactly(tuple("GET",
                            "/admin/api/servers/MainDB/bgTasks/918908"));
        }
    }

    @Test
    void listSnapshotsOfSection548() {
        var versions = portal.files().versions("My Files/docs/a.txt");
        assertThat(captured).extracting(Captured::body).containsExactly(
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>listSnapshots</val></att><att id=\"param\"><val>/ServicesPortal/webdav/My%20Files/docs/a.txt</val></att></obj>");
        assertThat(versions).singleElement().satisfies(version -> {
            assertThat(version.path()).isEqualTo("My Files/a.txt");
            assertThat(version.current()).isTrue();
            assertThat(version.calculatedTimestamp()).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 5));
        });
    }

    @Test
    void queryLogsOfSection57() {
        List<LogEntry> entries = portal.logs().query(LogQuery.builder().topic(LogTopic.ACCESS)
                .minSeverity(LogSeverity.WARNING).after(LocalDateTime.of(2024, 5, 1, 0, 0))
                .before(LocalDateTime.of(2024, 5, 2, 0, 0)).build()).toList();
        portal.logs().query(LogQuery.builder().topic(LogTopic.AUDIT).device("FSRV1").build()).toList();
        assertThat(captured).extracting(Captured::body).containsExactly(
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>queryLogs</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"topic\"><val>access</val></att><att id=\"minSeverity\"><val>warning</val></att><att id=\"filters\"><list><obj class=\"StringFilter\"><att id=\"field\"><val>originType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>Portal</val></att></obj><obj class=\"DateTimeFilter\"><att id=\"field\"><val>time</val></att><att id=\"restriction\"><val>lt</val></att><att id=\"value\"><val>2024-05-02T00:00:00</val></att></obj><obj class=\"DateTimeFilter\"><att id=\"field\"><val>time</val></att><att id=\"restriction\"><val>gt</val></att><att id=\"value\"><val>2024-05-01T00:00:00</val></att></obj></list></att></obj></att></obj>",
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>queryLogs</val></att><att id=\"param\"><obj><att id=\"startFrom\"><val>0</val></att><att id=\"countLimit\"><val>50</val></att><att id=\"topic\"><val>audit</val></att><att id=\"minSeverity\"><val>info</val></att><att id=\"filters\"><list><obj class=\"StringFilter\"><att id=\"field\"><val>originType</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>Device</val></att></obj><obj class=\"RefFilter\"><att id=\"field\"><val>origin</val></att><att id=\"restriction\"><val>eq</val></att><att id=\"value\"><val>FSRV1</val></att></obj></list></att></obj></att></obj>");
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.time()).isEqualTo(LocalDateTime.of(2024, 5, 1, 12, 0));
            assertThat(entry.severity()).isEqualTo("warning");
            assertThat(entry.severityLevel()).isEqualTo(LogSeverity.WARNING);
            assertThat(entry.message()).isEqualTo("Access denied");
            assertThat(entry.attribute("user")).isEqualTo("alice");
            assertThat(entry.attribute("details.ip")).isEqualTo("10.0.0.1");
        });
    }

    @Test
    void generateReportOfSection58() {
        portal.reports().generate(ReportName.PORTALS);
        assertThat(captured).extracting(Captured::body).containsExactly(
                "<obj><att id=\"type\"><val>user-defined</val></att><att id=\"name\"><val>generateReport</val></att><att id=\"param\"><val>portalsStatisticsReport</val></att></obj>");
    }

    @Test
    void changeFeedBodiesOfSection56() {
        var batch = portal.notifications().list(List.of(123L, 124L), null);
        portal.notifications().longpoll(List.of(123L), "cursor-2", Duration.ofMillis(10000));
        assertThat(captured).extracting(Captured::uri).containsExactly("/ServicesPortal/v2/api/metadata/list",
                "/ServicesPortal/v2/api/metadata/longpoll");
        assertThat(captured).extracting(Captured::contentType).containsOnly("application/json");
        assertThat(captured.get(0).body()).isEqualTo(
                "{\n     \"folder_ids\": [\n          123,\n          124\n     ],\n     \"cursor\": null,\n     \"max_results\": 2000\n}");
        assertThat(batch.cursor()).isEqualTo("c1");
        assertThat(batch.entries()).singleElement().satisfies(entry -> assertThat(entry.name()).isEqualTo("a.txt"));
    }

    private static Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, String body) {
        String uri = request.uri();
        if (uri.endsWith("/api/login")) {
            return response.header(HttpHeaderNames.SET_COOKIE, "JSESSIONID=abc; Path=/").send();
        }
        if (uri.endsWith("/api/currentSession")) {
            return xml(response, "<obj><att id=\"username\"><val>alice</val></att><att id=\"role\"><val>EndUser</val>"
                    + "</att><att id=\"domain\" /></obj>");
        }
        if (uri.endsWith("/api/currentPortal")) {
            return xml(response, uri.startsWith("/admin/") ? "<val />" : "<val>acme</val>");
        }
        if (uri.endsWith("/api/version")) {
            return xml(response, "<val>7.5.182.16</val>");
        }
        if (uri.endsWith("/api/logout")) {
            return response.send();
        }
        captured.add(new Captured(request.method().name(), uri,
                request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE), body));
        if (uri.startsWith("/ServicesPortal/upload/")) {
            return xml(response, "<obj><att id=\"rc\"><val>0</val></att><att id=\"msg\"><val>OK</val></att></obj>");
        }
        if (uri.startsWith("/ServicesPortal/webdav/") || uri.startsWith("/ServicesPortal/folders/")) {
            return response.sendString(Mono.just("file bytes")).then();
        }
        if (uri.contains("/v2/api/metadata/list")) {
            return json(response, "{\"cursor\":\"c1\",\"has_more\":false,\"entries\":[{\"type\":\"file\",\"guid\":"
                    + "\"b7c1\",\"folder_id\":123,\"deleted\":false,\"name\":\"a.txt\",\"size\":11}]}");
        }
        if (uri.contains("/v2/api/metadata/longpoll")) {
            return json(response, "{\"changes\": false}");
        }
        if (body.contains("<val>fetchResources</val>")) {
            String root = body.contains("a.txt") ? RESOURCE.replace("/docs<", "/docs/a.txt<")
                    .replace("<val>true</val></att><att id=\"isDeleted\"", "<val>false</val></att><att id=\"isDeleted\"")
                    : RESOURCE;
            return xml(response, "<obj class=\"FetchResourcesResponse\"><att id=\"root\">" + root + "</att><att id="
                    + "\"items\"><list /></att><att id=\"hasMore\"><val>false</val></att><att id=\"errorType\" /></obj>");
        }
        if (body.contains("Resources</val>")) {
            return xml(response, "<val>servers/MainDB/bgTasks/918908</val>");
        }
        if (body.contains("<val>getTaskStatus</val>") || uri.contains("/bgTasks/")) {
            return xml(response, "<obj class=\"FileManagerBgTask\"><att id=\"id\"><val>918908</val></att><att id=\"name\">"
                    + "<val>delete</val></att><att id=\"status\"><val>completed</val></att><att id=\"percentage\"><val>"
                    + "100</val></att><att id=\"progstring\"><val>Done</val></att><att id=\"errorType\" /></obj>");
        }
        if (body.contains("<val>listSnapshots</val>")) {
            return xml(response, "<list><obj class=\"SnapshotResp\"><att id=\"url\"><val>/ServicesPortal/webdav</val>"
                    + "</att><att id=\"path\"><val>/My Files/a.txt</val></att><att id=\"current\"><val>true</val></att>"
                    + "<att id=\"startTimestamp\"><val>2024-05-01T10:00:00</val></att><att id=\"calculatedTimestamp\">"
                    + "<val>2024-05-01T10:05:00</val></att></obj></list>");
        }
        if (body.contains("<val>queryLogs</val>")) {
            return xml(response, "<obj><att id=\"hasMore\"><val>false</val></att><att id=\"logs\"><list><obj class=\""
                    + "AccessLog\"><att id=\"time\"><val>2024-05-01T12:00:00</val></att><att id=\"severity\"><val>warning"
                    + "</val></att><att id=\"msg\"><val>Access denied</val></att><att id=\"user\"><val>alice</val></att>"
                    + "<att id=\"details\"><obj><att id=\"ip\"><val>10.0.0.1</val></att></obj></att></obj></list></att>"
                    + "</obj>");
        }
        return response.send();
    }

    private static Mono<Void> xml(HttpServerResponse response, String body) {
        return response.header(HttpHeaderNames.CONTENT_TYPE, "text/xml").sendString(Mono.just(body)).then();
    }

    private static Mono<Void> json(HttpServerResponse response, String body) {
        return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(body)).then();
    }

    /** One request the stub received. */
    private record Captured(String method, String uri, String contentType, String body) {
    }
}
