package com.ctera.simulator;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.ctera.simulator.xml.XmlList;
import com.ctera.simulator.xml.XmlObj;
import com.ctera.simulator.xml.XmlValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cloud drive over the wire (protocol §5.4, §7.2 pairs 6–10), as the SDK's end user and global admin see it. */
class CloudDriveTest {

    private static final String TENANT = "acme";

    private static CteraPortalSimulator simulator;
    private static FileCalls alice;
    private static FileCalls admin;
    private static long aliceFolder;

    @BeforeAll
    static void start() throws Exception {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTaskDuration(Duration.ofMillis(20)));
        PortalHttp http = new PortalHttp(simulator);
        alice = new FileCalls(simulator, "ServicesPortal",
                http.session("ServicesPortal", simulator.endUserCredentials()));
        admin = new FileCalls(simulator, "admin", http.session("admin", simulator.adminCredentials()));
        aliceFolder = simulator.state().cloudFolderUid(TENANT, "alice");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static List<XmlObj> items(XmlObj response) {
        return ((XmlList) response.get("items")).items().stream().map(XmlObj.class::cast).toList();
    }

    private static List<String> names(XmlObj response) {
        return items(response).stream().map(item -> item.text("name").orElseThrow()).toList();
    }

    @Test
    void statOfTheCloudFolderCarriesEveryRequiredAttribute() throws Exception {
        XmlObj response = alice.fetch("My Files", "0", "");
        assertThat(response.className()).isEqualTo("FetchResourcesResponse");
        assertThat(response.has("errorType")).isTrue();
        assertThat(response.get("errorType")).isNull();
        XmlObj root = (XmlObj) response.get("root");
        assertThat(root.attributes().keySet()).contains("href", "name", "isFolder", "isDeleted", "size", "permalink",
                "lastmodified", "cloudFolderInfo", "scope", "permission", "fileId");
        assertThat(root.text("href")).contains("/ServicesPortal/webdav/My%20Files");
        assertThat(root.text("isFolder")).contains("true");
        assertThat(root.text("permission")).contains("ReadWrite");
        assertThat(root.text("lastmodified").orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        XmlObj info = (XmlObj) root.get("cloudFolderInfo");
        assertThat(info.attributes().keySet()).containsExactly("uid", "name", "groupUid", "passphraseProtected",
                "ownerUid", "ownerFriendlyName");
        assertThat(info.text("uid")).contains(Long.toString(aliceFolder));
        assertThat(info.text("ownerFriendlyName")).contains("Alice Wonderland");
    }

    @Test
    void missingPathsAnswerInBand() throws Exception {
        XmlObj stat = alice.fetch("My Files/no such thing", "0", "");
        assertThat(stat.has("root")).isTrue();
        assertThat(stat.get("root")).isNull();
        XmlObj list = alice.fetch("My Files/no such thing", "1", "");
        assertThat(list.text("errorType")).contains("DestinationNotExists");
        assertThat(list.has("items")).isTrue();
        assertThat(list.has("hasMore")).isTrue();
    }

    @Test
    void makeCollectionAnswersEveryErrorCode() throws Exception {
        assertThat(alice.mkdir("My Files", "mk")).isEmpty();
        assertThat(alice.mkdir("My Files", "mk")).isEqualTo("FileWithTheSameNameExist");
        assertThat(alice.mkdir("My Files/absent", "x")).isEqualTo("DestinationNotExists");
        assertThat(alice.mkdir("My Files", "a:b")).isEqualTo("InvalidName");
        assertThat(alice.mkdir("My Files", ".snapshots")).isEqualTo("ReservedName");
        assertThat(alice.mkdir("", "top")).isEqualTo("PermissionDenied");
        assertThat(((XmlObj) alice.fetch("My Files/mk", "0", "").get("root")).text("isFolder")).contains("true");
    }

    @Test
    void listingPagesWithStartAndLimit() throws Exception {
        alice.mkdir("My Files", "paged");
        for (int i = 0; i < 5; i++) {
            assertThat(alice.mkdir("My Files/paged", "d" + i)).isEmpty();
        }
        XmlObj first = alice.fetchPage("My Files/paged", 0, 2);
        XmlObj last = alice.fetchPage("My Files/paged", 4, 2);
        assertThat(names(first)).containsExactly("d0", "d1");
        assertThat(first.text("hasMore")).contains("true");
        assertThat(names(last)).containsExactly("d4");
        assertThat(last.text("hasMore")).contains("false");
    }

    @Test
    void downloadsServeByteRangesAsHttpHasThem() throws Exception {
        byte[] content = "0123456789".getBytes(StandardCharsets.UTF_8);
        alice.mkdir("My Files", "ranges");
        alice.upload(aliceFolder, "My Files/ranges/r.txt", content);
        HttpResponse<byte[]> whole = alice.download("My Files/ranges/r.txt");
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> rest = alice.download("My Files/ranges/r.txt", "Range", "bytes=4-", "If-Range", etag);
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.headers().firstValue("Content-Range")).hasValue("bytes 4-9/10");
        assertThat(new String(rest.body(), StandardCharsets.UTF_8)).isEqualTo("456789");
        assertThat(alice.download("My Files/ranges/r.txt", "Range", "bytes=2-3").body())
            .isEqualTo("23".getBytes(StandardCharsets.UTF_8));
        assertThat(alice.download("My Files/ranges/r.txt", "Range", "bytes=-2").body())
            .isEqualTo("89".getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> changed = alice.download("My Files/ranges/r.txt", "Range", "bytes=4-", "If-Range",
                "\"another\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(content);
        HttpResponse<byte[]> beyond = alice.download("My Files/ranges/r.txt", "Range", "bytes=10-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */10");
    }

    @Test
    void uploadStoresTheBytesAndDownloadStreamsThemBack() throws Exception {
        byte[] content = "hello upload".getBytes(StandardCharsets.UTF_8);
        alice.mkdir("My Files", "up");
        HttpResponse<String> response = alice.upload(aliceFolder, "My Files/up/up.txt", content);
        XmlObj answer = PortalHttp.parseObj(response);
        assertThat(answer.text("rc")).contains("0");
        assertThat(answer.text("msg")).contains("OK");
        assertThat(simulator.state().fileBytes(TENANT, "alice", "My Files/up/up.txt")).hasValue(content);
        HttpResponse<byte[]> download = alice.download("My Files/up/up.txt");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(alice.download("My Files/up/absent.txt").statusCode()).isEqualTo(404);
        XmlObj stat = (XmlObj) alice.fetch("My Files/up/up.txt", "0", "").get("root");
        assertThat(stat.text("size")).contains("12");
        assertThat(stat.text("isFolder")).contains("false");
    }

    @Test
    void uploadErrorsAreInBand() throws Exception {
        XmlObj missingParent = PortalHttp.parseObj(alice.upload(aliceFolder, "My Files/absent/x.txt", new byte[3]));
        assertThat(missingParent.text("rc")).isNotEqualTo(java.util.Optional.of("0"));
        assertThat(missingParent.text("msg")).contains("DestinationNotExists");
        simulator.state().addUser(TENANT, "quota.user", "Qu0ta!pass", "EndUser", "q@acme.example.com");
        simulator.state().setQuota(TENANT, "quota.user", 10);
        PortalHttp http = new PortalHttp(simulator);
        FileCalls limited = new FileCalls(simulator, "ServicesPortal", http.session("ServicesPortal",
                new SimulatorCredentials("quota.user", "Qu0ta!pass")));
        long folder = simulator.state().cloudFolderUid(TENANT, "quota.user");
        XmlObj overQuota = PortalHttp.parseObj(limited.upload(folder, "My Files/big.bin", new byte[11]));
        assertThat(overQuota.text("rc").orElseThrow()).isNotEqualTo("0");
        assertThat(overQuota.text("msg")).contains("User is out of quota");
        assertThat(simulator.state().fileSize(TENANT, "quota.user", "My Files/big.bin")).isEqualTo(-1);
        XmlObj fits = PortalHttp.parseObj(limited.upload(folder, "My Files/small.bin", new byte[10]));
        assertThat(fits.text("rc")).contains("0");
        XmlObj foreign = PortalHttp.parseObj(limited.upload(aliceFolder, "My Files/x.bin", new byte[1]));
        assertThat(foreign.text("rc").orElseThrow()).isNotEqualTo("0");
    }

    @Test
    void malformedUploadsAreRefusedAndStoreNothing() throws Exception {
        String multipart = "multipart/form-data; boundary=" + FileCalls.BOUNDARY;
        HttpResponse<String> notMultipart = alice.uploadRaw(aliceFolder, "application/octet-stream", "hello");
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(notMultipart.body()).contains("multipart/form-data body with a boundary");
        HttpResponse<String> cutOff = alice.uploadRaw(aliceFolder, multipart,
                alice.uploadBody("My Files/cut.txt", "half of it", false));
        assertThat(cutOff.statusCode()).isEqualTo(400);
        assertThat(cutOff.body()).contains("ended before its closing boundary");
        assertThat(simulator.state().exists(TENANT, "alice", "My Files/cut.txt", false)).isFalse();
        HttpResponse<String> whole = alice.uploadRaw(aliceFolder, multipart,
                alice.uploadBody("My Files/whole.txt", "all of it", true));
        assertThat(PortalHttp.parseObj(whole).text("rc")).contains("0");
        assertThat(simulator.state().fileBytes(TENANT, "alice", "My Files/whole.txt"))
            .hasValue("all of it".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotaFollowsReplacementsDeletesAndRestores() throws Exception {
        simulator.state().addUser(TENANT, "quota.churn", "Qu0ta!churn", "EndUser", "c@acme.example.com");
        simulator.state().setQuota(TENANT, "quota.churn", 10);
        FileCalls limited = new FileCalls(simulator, "ServicesPortal", new PortalHttp(simulator)
            .session("ServicesPortal", new SimulatorCredentials("quota.churn", "Qu0ta!churn")));
        long folder = simulator.state().cloudFolderUid(TENANT, "quota.churn");
        assertThat(PortalHttp.parseObj(limited.upload(folder, "My Files/a.bin", new byte[6])).text("rc")).contains("0");
        // Replacing a file needs room for the difference only.
        assertThat(PortalHttp.parseObj(limited.upload(folder, "My Files/a.bin", new byte[9])).text("rc")).contains("0");
        XmlObj full = PortalHttp.parseObj(limited.upload(folder, "My Files/b.bin", new byte[2]));
        assertThat(full.text("msg")).contains("User is out of quota");
        assertThat(simulator.state().usage(TENANT, "quota.churn")).isEqualTo(9);
        // Deleting gives the bytes back; restoring takes them again.
        assertThat(limited.awaitTask(limited.action("deleteResources", "", "My Files/a.bin", null)).text("status"))
            .contains("completed");
        assertThat(simulator.state().usage(TENANT, "quota.churn")).isZero();
        assertThat(PortalHttp.parseObj(limited.upload(folder, "My Files/b.bin", new byte[2])).text("rc")).contains("0");
        assertThat(limited.awaitTask(limited.action("restoreResources", "", "My Files/a.bin", null)).text("status"))
            .contains("completed");
        assertThat(simulator.state().usage(TENANT, "quota.churn")).isEqualTo(11);
        XmlObj overAgain = PortalHttp.parseObj(limited.upload(folder, "My Files/c.bin", new byte[1]));
        assertThat(overAgain.text("msg")).contains("User is out of quota");
    }

    @Test
    void versionsAreListedAndOldOnesStayReadable() throws Exception {
        alice.mkdir("My Files", "ver");
        alice.upload(aliceFolder, "My Files/ver/v.txt", "one".getBytes(StandardCharsets.UTF_8));
        alice.upload(aliceFolder, "My Files/ver/v.txt", "two!".getBytes(StandardCharsets.UTF_8));
        XmlList snapshots = (XmlList) alice.call("listSnapshots", "<val>" + alice.href("My Files/ver/v.txt") + "</val>");
        assertThat(snapshots.items()).hasSize(2);
        XmlObj current = (XmlObj) snapshots.items().get(0);
        XmlObj previous = (XmlObj) snapshots.items().get(1);
        assertThat(current.className()).isEqualTo("SnapshotResp");
        assertThat(current.text("url")).contains("/ServicesPortal/webdav");
        assertThat(current.text("path")).contains("/My Files/ver/v.txt");
        assertThat(current.text("current")).contains("true");
        assertThat(previous.text("current")).contains("false");
        assertThat(previous.text("startTimestamp")).isPresent();
        String oldPath = previous.text("path").orElseThrow();
        assertThat(alice.download(oldPath).body()).isEqualTo("one".getBytes(StandardCharsets.UTF_8));
        assertThat(alice.download("My Files/ver/v.txt").body()).isEqualTo("two!".getBytes(StandardCharsets.UTF_8));
        assertThat(simulator.state().versionCount(TENANT, "alice", "My Files/ver/v.txt")).isEqualTo(2);
    }

    @Test
    void zipOfAWholeFolderUsesTheUnencodedPathAndSelectedChildrenEncodedOnes() throws Exception {
        alice.mkdir("My Files", "zip me");
        alice.mkdir("My Files/zip me", "sub");
        alice.upload(aliceFolder, "My Files/zip me/a.txt", "A".getBytes(StandardCharsets.UTF_8));
        alice.upload(aliceFolder, "My Files/zip me/sub/b.txt", "BB".getBytes(StandardCharsets.UTF_8));
        String whole = "<obj><att id=\"paths\"><list><val>/ServicesPortal/webdav/My Files/zip me</val></list></att>"
                + "<att id=\"snapshot\" /><att id=\"password\" /><att id=\"portalName\" /><att id=\"showDeleted\">"
                + "<val>false</val></att></obj>";
        HttpResponse<byte[]> zip = alice.zip(aliceFolder, whole);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(entries(zip.body())).containsExactlyInAnyOrder("zip me/", "zip me/a.txt", "zip me/sub/",
                "zip me/sub/b.txt");
        String selected = "<obj><att id=\"paths\"><list><val>" + alice.href("My Files/zip me/a.txt") + "</val><val>"
                + alice.href("My Files/zip me/sub") + "</val></list></att><att id=\"snapshot\" /><att id=\"password\" />"
                + "<att id=\"portalName\" /><att id=\"showDeleted\"><val>false</val></att></obj>";
        assertThat(entries(alice.zip(aliceFolder, selected).body())).containsExactlyInAnyOrder("a.txt", "sub/",
                "sub/b.txt");
        assertThat(alice.zip(aliceFolder, selected.replace("a.txt", "nope.txt")).statusCode()).isEqualTo(404);
    }

    private static List<String> entries(byte[] zip) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null && names.size() < 100; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void deleteThenRestoreAsBackgroundTasksWithCompleteTaskObjects() throws Exception {
        alice.mkdir("My Files", "del");
        alice.upload(aliceFolder, "My Files/del/gone.txt", new byte[10]);
        String ref = alice.action("deleteResources", "", "My Files/del/gone.txt", null);
        XmlObj task = alice.awaitTask(ref);
        assertThat(task.className()).isEqualTo("FileManagerBgTask");
        assertThat(task.attributes().keySet()).containsExactly("id", "name", "startTime", "endTime", "elapsedTime",
                "status", "percentage", "result", "progstring", "portalUid", "filesProcessed", "bytesProcessed",
                "totalFiles", "totalBytes", "errorType", "fileInProgress", "userUid", "cursor");
        assertThat(task.text("status")).contains("completed");
        assertThat(task.text("percentage")).contains("100");
        assertThat(task.text("totalBytes")).contains("10");
        assertThat(task.text("startTime").orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(simulator.state().exists(TENANT, "alice", "My Files/del/gone.txt", false)).isFalse();
        assertThat(names(alice.fetch("My Files/del", "1", ""))).isEmpty();
        List<XmlObj> withDeleted = items(alice.fetch("My Files/del", "1",
                "<att id=\"includeDeleted\"><val>true</val></att>"));
        assertThat(withDeleted).singleElement().satisfies(item -> assertThat(item.text("isDeleted")).contains("true"));

        XmlObj restored = alice.awaitTask(alice.action("restoreResources", "", "My Files/del/gone.txt", null));
        assertThat(restored.text("status")).contains("completed");
        assertThat(simulator.state().fileSize(TENANT, "alice", "My Files/del/gone.txt")).isEqualTo(10);

        XmlObj missing = alice.awaitTask(alice.action("deleteResources", "", "My Files/del/never.txt", null));
        assertThat(missing.text("status")).contains("failed");
        assertThat(missing.text("progstring").orElseThrow()).matches("Resource, .*never.txt , doesn't exist.");
    }

    @Test
    void copyConflictFailsWithCursorAndResumesWithAHandler() throws Exception {
        alice.mkdir("My Files", "cp");
        alice.mkdir("My Files/cp", "dest");
        alice.upload(aliceFolder, "My Files/cp/x.txt", "new".getBytes(StandardCharsets.UTF_8));
        alice.upload(aliceFolder, "My Files/cp/dest/x.txt", "old".getBytes(StandardCharsets.UTF_8));
        XmlObj conflict = alice.awaitTask(alice.action("copyResources", "", "My Files/cp/x.txt",
                "My Files/cp/dest/x.txt"));
        assertThat(conflict.text("status")).contains("failed");
        assertThat(conflict.text("errorType")).contains("Conflict");
        XmlObj cursor = (XmlObj) conflict.get("cursor");
        assertThat(cursor.text("srcResource")).contains(alice.href("My Files/cp/x.txt"));
        assertThat(cursor.attributes().keySet()).contains("upperLevelUrl", "destResource");

        String startFrom = "<obj class=\"ResourceActionCursor\"><att id=\"srcResource\"><val>"
                + alice.href("My Files/cp/x.txt") + "</val></att><att id=\"fileMoveConflictResolutaion\"><list>"
                + "<obj class=\"FileMoveConflictResolutaion\"><att id=\"errorType\"><val>Conflict</val></att>"
                + "<att id=\"handler\"><val>Override</val></att></obj></list></att></obj>";
        XmlObj resumed = alice.awaitTask(alice.action("copyResources", startFrom, "My Files/cp/x.txt",
                "My Files/cp/dest/x.txt"));
        assertThat(resumed.text("status")).contains("completed");
        assertThat(simulator.state().fileBytes(TENANT, "alice", "My Files/cp/dest/x.txt"))
            .hasValue("new".getBytes(StandardCharsets.UTF_8));
        assertThat(simulator.state().fileBytes(TENANT, "alice", "My Files/cp/x.txt"))
            .hasValue("new".getBytes(StandardCharsets.UTF_8));

        XmlObj nowhere = alice.awaitTask(alice.action("copyResources", "", "My Files/cp/x.txt",
                "My Files/cp/absent/x.txt"));
        assertThat(nowhere.text("status")).contains("failed");
        assertThat(nowhere.text("progstring")).contains("DestinationNotExists");
    }

    @Test
    void moveAndRenameKeepTheBytes() throws Exception {
        alice.mkdir("My Files", "mv");
        alice.mkdir("My Files/mv", "to");
        alice.upload(aliceFolder, "My Files/mv/m.txt", "move me".getBytes(StandardCharsets.UTF_8));
        XmlObj renamed = alice.awaitTask(alice.action("moveResources", "", "My Files/mv/m.txt",
                "My Files/mv/renamed.txt"));
        assertThat(renamed.text("status")).contains("completed");
        XmlObj moved = alice.awaitTask(alice.action("moveResources", "", "My Files/mv/renamed.txt",
                "My Files/mv/to/renamed.txt"));
        assertThat(moved.text("status")).contains("completed");
        assertThat(simulator.state().exists(TENANT, "alice", "My Files/mv/m.txt", false)).isFalse();
        assertThat(simulator.state().exists(TENANT, "alice", "My Files/mv/renamed.txt", false)).isFalse();
        assertThat(simulator.state().fileBytes(TENANT, "alice", "My Files/mv/to/renamed.txt"))
            .hasValue("move me".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void searchWithDepthInfinityAppliesTheFilters() throws Exception {
        alice.mkdir("My Files", "find");
        alice.mkdir("My Files/find", "deep");
        alice.upload(aliceFolder, "My Files/find/deep/quarterly report.pdf", new byte[1]);
        alice.upload(aliceFolder, "My Files/find/report.txt", new byte[1]);
        String filters = "<att id=\"searchFilters\"><list><obj class=\"SearchFilter\"><att id=\"field\"><val>name</val>"
                + "</att><att id=\"operator\"><val>contains</val></att><att id=\"value\"><val>report</val></att></obj>"
                + "<obj class=\"SearchFilter\"><att id=\"field\"><val>extension</val></att><att id=\"operator\"><val>eq"
                + "</val></att><att id=\"value\"><val>pdf</val></att></obj></list></att>";
        assertThat(names(alice.fetch("My Files/find", "Infinity", filters))).containsExactly("quarterly report.pdf");
    }

    @Test
    void globalAdminSeesUsersFoldersAndReadsTasksWithGet() throws Exception {
        List<String> users = names(admin.fetch("Users", "1", ""));
        assertThat(users).contains("Alice Wonderland", "Morgan Reed");
        XmlObj folder = (XmlObj) admin.fetch("Users/Alice Wonderland/My Files", "0", "").get("root");
        assertThat(((XmlObj) folder.get("cloudFolderInfo")).text("uid")).contains(Long.toString(aliceFolder));
        assertThat(admin.mkdir("Users/Alice Wonderland/My Files", "from admin")).isEmpty();
        assertThat(simulator.state().exists(TENANT, "alice", "My Files/from admin", false)).isTrue();
        String ref = admin.action("deleteResources", "", "Users/Alice Wonderland/My Files/from admin", null);
        PortalHttp http = new PortalHttp(simulator);
        PortalHttp.Session session = http.session("admin", simulator.adminCredentials());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> response = session.get("/" + ref);
            return response.statusCode() == 200
                    && PortalHttp.parseObj(response).text("status").orElse("").equals("completed");
        });
        HttpResponse<String> list = session.get("/servers/MainDB/bgTasks");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(((XmlList) PortalHttp.parse(list)).items()).isNotEmpty();
        assertThat(session.get("/servers/MainDB/bgTasks/1").statusCode()).isEqualTo(404);
    }

    @Test
    void everyOperationIsJournaledUnderItsName() throws Exception {
        alice.fetch("My Files", "0", "");
        XmlValue ignored = alice.call("listSnapshots", "<val>" + alice.href("My Files") + "</val>");
        assertThat(ignored).isNotNull();
        for (String operation : List.of("files.fetchResources", "files.listSnapshots")) {
            assertThat(simulator.requests().count(operation)).as(operation).isPositive();
        }
        simulator.faults().inject(FaultRule.forOperation("files.download").status(503));
        assertThat(alice.download("My Files").statusCode()).isEqualTo(503);
        assertThat(simulator.requests().count("files.download")).isPositive();
    }

    @Test
    void transfersGoThroughFaultsAndTheJournal() throws Exception {
        long receivedBefore = simulator.requests().count("files.upload");
        long processedBefore = simulator.requests().processed("files.upload");
        simulator.faults().inject(FaultRule.forOperation("files.upload").status(503));
        HttpResponse<String> refused = alice.upload(aliceFolder, "My Files/refused.txt", new byte[5]);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(simulator.state().fileSize(TENANT, "alice", "My Files/refused.txt")).isEqualTo(-1);
        assertThat(simulator.requests().count("files.upload")).isEqualTo(receivedBefore + 1);
        assertThat(simulator.requests().processed("files.upload")).isEqualTo(processedBefore);

        byte[] content = new byte[100_000];
        java.util.Arrays.fill(content, (byte) 7);
        assertThat(PortalHttp.parseObj(alice.upload(aliceFolder, "My Files/cut.bin", content)).text("rc"))
            .contains("0");
        simulator.faults().inject(FaultRule.forOperation("files.download").truncatedBody().times(2));
        boolean shortOrBroken;
        try {
            shortOrBroken = alice.download("My Files/cut.bin").body().length < content.length;
        }
        catch (java.io.IOException ex) {
            shortOrBroken = true;
        }
        assertThat(shortOrBroken).isTrue();
        simulator.faults().clear();
        assertThat(alice.download("My Files/cut.bin").body()).isEqualTo(content);
    }

    @Test
    void transfersNeedASession() throws Exception {
        HttpResponse<String> response = new PortalHttp(simulator).send("GET", alice.href("My Files/anything"), null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/ServicesPortal/login.html");
    }
}
