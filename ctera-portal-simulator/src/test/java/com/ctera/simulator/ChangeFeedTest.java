package com.ctera.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification service (protocol §5.6, §7.2 pair 12): list, longpoll and ancestors, fed by file changes. */
class ChangeFeedTest {

    private static final Set<String> KNOWN_KEYS = Set.of("type", "guid", "deleted", "name", "folder_id", "modified",
            "portal_modified_date", "file_timestamp", "size", "id", "acl", "gvsn", "parent_guid", "virtual_portal_id");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CteraPortalSimulator simulator;
    private static PortalHttp http;
    private static PortalHttp.Session admin;

    @BeforeAll
    static void start() throws Exception {
        simulator = CteraPortalSimulator.start(SimulatorOptions.defaults().withTaskDuration(Duration.ofMillis(10)));
        http = new PortalHttp(simulator);
        admin = http.session("admin", simulator.adminCredentials());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static JsonNode post(PortalHttp.Session session, String context, String call, String body) throws Exception {
        HttpResponse<String> response = http.send("POST", "/" + context + "/v2/api/metadata/" + call, body,
                "Cookie", session.cookie(), "Content-Type", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static String list(List<Long> folders, String cursor, int max) {
        return "{\n     \"folder_ids\": " + folders + ",\n     \"cursor\": " + cursor + ",\n     \"max_results\": " + max
                + "\n}";
    }

    /** Reads to the end of the feed from the cursor; returns the new cursor and adds each entry's gvsn. */
    private static String drain(List<Long> folders, String cursor, List<JsonNode> seen) throws Exception {
        String current = cursor;
        for (int page = 0; page < 1000; page++) {
            JsonNode answer = post(admin, "admin", "list", list(folders, current, 100));
            answer.get("entries").forEach(seen::add);
            current = "\"" + answer.get("cursor").asString() + "\"";
            if (!answer.get("has_more").asBoolean()) {
                return current;
            }
        }
        throw new AssertionError("The feed never ended");
    }

    @Test
    void listFromNoCursorReturnsTheDemoFilesWithOnlyKnownKeys() throws Exception {
        JsonNode answer = post(admin, "admin", "list", list(List.of(), "null", 2000));
        assertThat(answer.get("cursor").asString()).isNotEmpty();
        assertThat(answer.has("has_more")).isTrue();
        assertThat(answer.get("entries").size()).isPositive();
        for (JsonNode entry : answer.get("entries")) {
            Set<String> keys = new HashSet<>();
            entry.propertyNames().forEach(keys::add);
            assertThat(KNOWN_KEYS).containsAll(keys);
            assertThat(keys).contains("type", "guid", "deleted", "name");
        }
    }

    @Test
    void longpollHoldsUntilItsTimeoutWhenNothingChanges() throws Exception {
        long folder = simulator.state().cloudFolderUid("acme", "morgan.reed");
        String cursor = drain(List.of(folder), "null", new ArrayList<>());
        long started = System.nanoTime();
        JsonNode answer = post(admin, "admin", "longpoll",
                "{\"folder_ids\": [" + folder + "], \"cursor\": " + cursor + ", \"timeout\": 300}");
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(answer.get("changes").asBoolean()).isFalse();
        assertThat(elapsed).isBetween(250L, 5_000L);
    }

    @Test
    void longpollAnswersAsSoonAsAChangeArrives() throws Exception {
        PortalHttp.Session alice = http.session("ServicesPortal", simulator.endUserCredentials());
        FileCalls files = new FileCalls(simulator, "ServicesPortal", alice);
        long folder = simulator.state().cloudFolderUid("acme", "alice");
        String cursor = drain(List.of(folder), "null", new ArrayList<>());
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return post(admin, "admin", "longpoll",
                        "{\"folder_ids\": [" + folder + "], \"cursor\": " + cursor + ", \"timeout\": 8000}");
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
            .until(() -> simulator.requests().count("notifications.longpoll") > 0);
        long started = System.nanoTime();
        assertThat(files.mkdir("My Files", "wake-up")).isEmpty();
        assertThat(poll.get(5, TimeUnit.SECONDS).get("changes").asBoolean()).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(4_000);
        List<JsonNode> seen = new ArrayList<>();
        drain(List.of(folder), cursor, seen);
        assertThat(seen).extracting(entry -> entry.get("name").asString()).containsExactly("wake-up");
        assertThat(seen.get(0).get("type").asString()).isEqualTo("folder");
    }

    @Test
    void fiveHundredChangesFromFourWritersAreEachSeenOnce() throws Exception {
        String cursor = drain(List.of(), "null", new ArrayList<>());
        int before = simulator.state().changeFeedSize("acme");
        List<String> writers = List.of("alice", "morgan.reed", "olivia.smith", "liam.johnson");
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<JsonNode> seen = new ArrayList<>();
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (String writer : writers) {
                String password = writer.equals("alice") ? simulator.endUserCredentials().password()
                        : writer.equals("morgan.reed") ? simulator.tenantAdminCredentials().password() : "Passw0rd!";
                FileCalls files = new FileCalls(simulator, "ServicesPortal",
                        http.session("ServicesPortal", new SimulatorCredentials(writer, password)));
                running.add(CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = 0; i < 125; i++) {
                            assertThat(files.mkdir("My Files", "feed-" + writer + "-" + i)).isEmpty();
                        }
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }, pool));
            }
            // Read while the writers write: every poll either sees changes or times out quickly.
            String current = cursor;
            for (int round = 0; round < 2_000 && seen.size() < 500; round++) {
                JsonNode poll = post(admin, "admin", "longpoll",
                        "{\"folder_ids\": [], \"cursor\": " + current + ", \"timeout\": 200}");
                if (poll.get("changes").asBoolean()) {
                    current = drain(List.of(), current, seen);
                }
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            drain(List.of(), current, seen);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(simulator.state().changeFeedSize("acme") - before).isEqualTo(500);
        List<String> guids = seen.stream().map(entry -> entry.get("guid").asString()).toList();
        assertThat(guids).hasSize(500).doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(entry -> assertThat(entry.get("name").asString()).startsWith("feed-"));
    }

    @Test
    void ancestorsGiveThePathFromTheCloudFolderRoot() throws Exception {
        PortalHttp.Session alice = http.session("ServicesPortal", simulator.endUserCredentials());
        FileCalls files = new FileCalls(simulator, "ServicesPortal", alice);
        long folder = simulator.state().cloudFolderUid("acme", "alice");
        String cursor = drain(List.of(folder), "null", new ArrayList<>());
        files.mkdir("My Files", "anc");
        files.mkdir("My Files/anc", "child");
        List<JsonNode> seen = new ArrayList<>();
        drain(List.of(folder), cursor, seen);
        String guid = seen.get(seen.size() - 1).get("guid").asString();
        JsonNode chain = post(admin, "admin", "ancestors", "{\"folder_id\": " + folder + ", \"guid\": \"" + guid + "\"}");
        List<String> names = new ArrayList<>();
        chain.forEach(node -> names.add(node.get("name").asString()));
        assertThat(names).containsExactly("My Files", "anc", "child");
        HttpResponse<String> unknown = http.send("POST", "/admin/v2/api/metadata/ancestors",
                "{\"folder_id\": " + folder + ", \"guid\": \"nope\"}", "Cookie", admin.cookie());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void badRequestsAnswerWithDetailsTheSdkParses() throws Exception {
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < NotificationApi.MAX_FOLDERS + 1; i++) {
            many.add(i);
        }
        HttpResponse<String> tooMany = http.send("POST", "/admin/v2/api/metadata/list", list(many, "null", 10),
                "Cookie", admin.cookie());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooMany.body()).get("details").get(0).get("error").asString())
            .matches(".*size must be between\\s+(\\d+)\\s+and\\s+(\\d+).*");
        HttpResponse<String> badCursor = http.send("POST", "/admin/v2/api/metadata/list",
                list(List.of(), "\"zzz\"", 10), "Cookie", admin.cookie());
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badCursor.body()).get("details").get(0).get("error").asString()).contains("cursor");
        String end = drain(List.of(), "null", new ArrayList<>());
        String sequence = end.substring(2, end.indexOf('.'));
        String ahead = end.replace("c" + sequence + ".", "c" + (Long.parseLong(sequence) + 1000) + ".");
        String otherRun = end.substring(0, end.indexOf('.') + 1) + "zz\"";
        for (String refused : List.of(ahead, otherRun)) {
            for (String call : List.of("list", "longpoll")) {
                HttpResponse<String> answer = http.send("POST", "/admin/v2/api/metadata/" + call,
                        list(List.of(), refused, 10), "Cookie", admin.cookie());
                assertThat(answer.statusCode()).as(call + " " + refused).isEqualTo(400);
                assertThat(JSON.readTree(answer.body()).get("details").get(0).get("error").asString())
                    .contains("cursor");
            }
        }
        HttpResponse<String> noSession = http.send("POST", "/admin/v2/api/metadata/list", list(List.of(), "null", 10));
        assertThat(noSession.statusCode()).isEqualTo(302);
    }
}
