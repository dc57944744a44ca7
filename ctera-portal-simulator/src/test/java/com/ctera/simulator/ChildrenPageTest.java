package com.ctera.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of a folder's children is exactly that slice of the whole listing, deleted children included or not. */
class ChildrenPageTest {

    private static final String TENANT = "acme";

    private static final Viewer ADMIN = new Viewer(PortalContext.ADMIN, TENANT, null, "admin");

    private static FileStore store;

    @BeforeAll
    static void createFolder() {
        Clock clock = Clock.systemUTC();
        SimulatorState state = new SimulatorState(TENANT);
        Tenant tenant = state.addTenant(TENANT);
        store = new FileStore(state, null, clock);
        state.attach(store, new LogStore(clock));
        Map<String, @Nullable String> attributes = new LinkedHashMap<>();
        attributes.put("role", "EndUser");
        for (String user : List.of("alice", "bob", "carol")) {
            state.insertUser(tenant, user, "Passw0rd!", attributes);
        }
        List<String> myFiles = List.of("Users", "alice", SimulatorState.PERSONAL_FOLDER);
        assertThat(store.makeCollection(ADMIN, myFiles, "big")).isNull();
        List<String> big = FileStore.append(myFiles, "big");
        for (int i = 0; i < 23; i++) {
            assertThat(store.makeCollection(ADMIN, big, String.format("item%02d", i))).isNull();
        }
        FileActions actions = new FileActions(store);
        for (int i : new int[] { 3, 4, 17 }) {
            String href = WebdavPath.href(PortalContext.ADMIN, FileStore.append(big, String.format("item%02d", i)));
            assertThat(actions.run(FileActions.Kind.DELETE, ADMIN, PortalContext.ADMIN,
                    List.of(new FileActions.Item(href, null)), FileActions.Resolution.NONE).success()).isTrue();
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyPageIsTheSliceOfTheWholeListing() {
        Resource big = store.resolve(ADMIN, List.of("Users", "alice", SimulatorState.PERSONAL_FOLDER, "big"), false);
        Resource users = store.resolve(ADMIN, List.of("Users"), false);
        int checked = 0;
        for (Resource parent : List.of(big, users)) {
            for (boolean deleted : new boolean[] { false, true }) {
                List<Resource> all = store.children(ADMIN, parent, deleted);
                for (int start = 0; start <= all.size() + 2; start++) {
                    for (int limit : new int[] { 1, 2, 5, 10, 100, Integer.MAX_VALUE }) {
                        FileStore.ChildPage page = store.childrenPage(ADMIN, parent, deleted, start, limit);
                        int from = Math.min(start, all.size());
                        List<Resource> expected = all.subList(from, (int) Math.min((long) from + limit, all.size()));
                        assertThat(names(page.items())).as("start %d limit %d deleted %s", start, limit, deleted)
                            .isEqualTo(names(expected));
                        assertThat(page.total()).isEqualTo(all.size());
                        checked++;
                    }
                }
            }
        }
        assertThat(store.children(ADMIN, big, true)).hasSize(23);
        assertThat(store.children(ADMIN, big, false)).hasSize(20);
        assertThat(checked).isGreaterThan(300);
    }

    private static List<String> names(List<Resource> resources) {
        List<String> names = new ArrayList<>();
        for (Resource resource : resources) {
            names.add(String.join("/", resource.segments()) + (resource.deleted() ? " (deleted)" : ""));
        }
        return names;
    }
}
