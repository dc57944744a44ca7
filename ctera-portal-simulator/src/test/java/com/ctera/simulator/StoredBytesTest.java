package com.ctera.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running byte and file counts of every cloud folder stay equal to a full recount of its tree after every kind
 * of change: uploads, new versions, seeded files, deletes, restores (plain, over a clash, renamed), copies and moves
 * within a folder and between folders, overrides of a clash.
 */
class StoredBytesTest {

    private static final String TENANT = "acme";

    private static final PortalContext ADMIN = PortalContext.ADMIN;

    private FileStore store;

    private FileActions actions;

    private Viewer admin;

    private CloudFolder alice;

    private CloudFolder bob;

    @BeforeEach
    void createDrive() {
        Clock clock = Clock.systemUTC();
        SimulatorState state = new SimulatorState(TENANT);
        Tenant tenant = state.addTenant(TENANT);
        this.store = new FileStore(state, null, clock);
        state.attach(this.store, new LogStore(clock));
        Map<String, @Nullable String> attributes = new LinkedHashMap<>();
        attributes.put("role", "EndUser");
        state.insertUser(tenant, "alice", "Al1ce!pass", attributes);
        state.insertUser(tenant, "bob", "B0b!pass", attributes);
        this.alice = this.store.folders(TENANT, "alice").get(0);
        this.bob = this.store.folders(TENANT, "bob").get(0);
        this.actions = new FileActions(this.store);
        this.admin = new Viewer(ADMIN, TENANT, null, "admin");
    }

    @AfterEach
    void closeDrive() {
        this.store.close();
    }

    @Test
    void countsMatchARecountAfterEveryKindOfChange() {
        mkdir("alice", "docs");
        mkdir("alice", "docs/deep");
        upload("alice", "docs/a.txt", 100);
        upload("alice", "docs/deep/b.txt", 1_000);
        upload("alice", "c.txt", 10_000);
        upload("alice", "empty.txt", 0);
        assertCounts(this.alice, 11_100, 4);
        upload("alice", "docs/a.txt", 150);
        assertCounts(this.alice, 11_150, 4);
        seed("alice", List.of("seeded", "s.txt"), 7, 70_000);
        assertCounts(this.alice, 81_150, 5);

        act(FileActions.Kind.DELETE, "alice", "c.txt");
        assertCounts(this.alice, 71_150, 4);
        act(FileActions.Kind.DELETE, "alice", "docs");
        assertCounts(this.alice, 70_000, 2);
        act(FileActions.Kind.RESTORE, "alice", "docs");
        assertCounts(this.alice, 71_150, 4);
        upload("alice", "c.txt", 3);
        act(FileActions.Kind.DELETE, "alice", "c.txt");
        act(FileActions.Kind.RESTORE, "alice", "c.txt");
        assertCounts(this.alice, 71_153, 5);

        run(FileActions.Kind.COPY, null, "alice", "docs", "alice", "docs copy");
        assertCounts(this.alice, 72_303, 7);
        run(FileActions.Kind.MOVE, null, "alice", "docs copy/deep", "alice", "moved");
        assertCounts(this.alice, 72_303, 7);
        run(FileActions.Kind.COPY, "Override", "alice", "c.txt", "alice", "moved/b.txt");
        assertCounts(this.alice, 72_303 - 1_000 + 3, 7);
        run(FileActions.Kind.COPY, "Rename", "alice", "c.txt", "alice", "moved/b.txt");
        assertCounts(this.alice, 71_309, 8);

        run(FileActions.Kind.COPY, null, "alice", "docs", "bob", "from alice");
        assertCounts(this.alice, 71_309, 8);
        assertCounts(this.bob, 1_150, 2);
        run(FileActions.Kind.MOVE, null, "alice", "seeded", "bob", "seeded");
        assertCounts(this.alice, 1_309, 7);
        assertCounts(this.bob, 71_150, 3);
        run(FileActions.Kind.MOVE, "Override", "bob", "seeded/s.txt", "bob", "from alice/a.txt");
        assertCounts(this.bob, 71_000, 2);
        act(FileActions.Kind.DELETE, "bob", "from alice/a.txt");
        assertCounts(this.bob, 1_000, 1);
        act(FileActions.Kind.RESTORE, "bob", "from alice/a.txt");
        assertCounts(this.bob, 71_000, 2);
        act(FileActions.Kind.DELETE, "bob", "from alice");
        assertCounts(this.bob, 0, 0);
        assertCounts(this.alice, 1_309, 7);
    }

    @Test
    void filesBelowADeletedFolderDoNotCountUntilItIsRestored() {
        mkdir("alice", "box");
        upload("alice", "box/x.bin", 40);
        act(FileActions.Kind.DELETE, "alice", "box/x.bin");
        act(FileActions.Kind.DELETE, "alice", "box");
        assertCounts(this.alice, 0, 0);
        act(FileActions.Kind.RESTORE, "alice", "box");
        assertCounts(this.alice, 0, 0);
        act(FileActions.Kind.RESTORE, "alice", "box/x.bin");
        assertCounts(this.alice, 40, 1);
    }

    @Test
    void aSeededFileThatTakesAnExistingNameReplacesItsBytes() {
        upload("alice", "x.bin", 40);
        seed("alice", List.of("x.bin"), 5, 9);
        assertCounts(this.alice, 9, 1);
    }

    /** Checks the running counts against the expected figures and against a walk of the whole tree. */
    private void assertCounts(CloudFolder folder, long bytes, long files) {
        long[] counted = this.store.folderStats(folder);
        long[] recounted = this.store.locked(() -> recount(folder));
        assertThat(counted).as("running counts of " + folder).containsExactly(recounted);
        assertThat(counted).as("bytes and files of " + folder).containsExactly(bytes, files);
    }

    /** The sums the counts replace: every live file's current size, found by walking the tree. */
    static long[] recount(CloudFolder folder) {
        long[] totals = new long[2];
        folder.root().walk(node -> {
            if (!node.isFolder()) {
                totals[0] += node.size();
                totals[1]++;
            }
        });
        return totals;
    }

    private List<String> segments(String owner, String inner) {
        List<String> segments = new ArrayList<>(List.of("Users", owner, SimulatorState.PERSONAL_FOLDER));
        for (String name : inner.split("/")) {
            if (!name.isEmpty()) {
                segments.add(name);
            }
        }
        return segments;
    }

    private void mkdir(String owner, String inner) {
        List<String> path = segments(owner, inner);
        assertThat(this.store.makeCollection(this.admin, path.subList(0, path.size() - 1), path.get(path.size() - 1)))
            .isNull();
    }

    private void upload(String owner, String inner, int size) {
        CloudFolder folder = owner.equals("alice") ? this.alice : this.bob;
        Object target = this.store.uploadTarget(this.admin, folder.uid(), segments(owner, inner));
        assertThat(target).isInstanceOf(FileStore.UploadTarget.class);
        Path blob = this.store.blobs().write(new byte[size]);
        this.store.commitUpload((FileStore.UploadTarget) target, blob, size);
    }

    private void seed(String owner, List<String> inner, int firstSize, int lastSize) {
        CloudFolder folder = owner.equals("alice") ? this.alice : this.bob;
        LocalDateTime now = this.store.now();
        this.store.seedFile(folder, inner, List.of(new byte[firstSize], new byte[lastSize]),
                List.of(now.minusDays(1), now));
    }

    private void run(FileActions.Kind kind, @Nullable String handler, String owner, String inner,
            @Nullable String destOwner, @Nullable String destInner) {
        String src = WebdavPath.href(ADMIN, segments(owner, inner));
        String dest = (destOwner != null && destInner != null) ? WebdavPath.href(ADMIN, segments(destOwner, destInner))
                : null;
        FileActions.Outcome outcome = this.actions.run(kind, this.admin, ADMIN,
                List.of(new FileActions.Item(src, dest)), new FileActions.Resolution(handler, null));
        assertThat(outcome.success()).as(kind + " " + inner + ": " + outcome.progstring()).isTrue();
    }

    private void act(FileActions.Kind kind, String owner, String inner) {
        run(kind, null, owner, inner, null, null);
    }
}
