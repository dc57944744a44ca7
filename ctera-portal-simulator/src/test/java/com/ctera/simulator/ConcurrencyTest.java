package com.ctera.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.db;
import static com.ctera.simulator.PortalHttp.queryParams;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 10;

    @Test
    void servesManyConcurrentClientsWithoutLosingOrDuplicatingWork() throws Exception {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            int usersBefore = simulator.state().userCount("acme");
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Callable<Integer>> clients = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    clients.add(() -> {
                        PortalHttp http = new PortalHttp(simulator);
                        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
                        int ok = 0;
                        for (int i = 0; i < CALLS_PER_THREAD; i++) {
                            String name = "load." + thread + "." + i;
                            int added = admin.post("/users", db("add", "<obj class=\"PortalUser\"><att id=\"name\"><val>"
                                    + name + "</val></att></obj>")).statusCode();
                            int queried = admin.post("/users", db("query", queryParams(i * 5, 5, "<val>email</val>", "")))
                                .statusCode();
                            if (added == 200 && queried == 200) {
                                ok++;
                            }
                        }
                        return ok;
                    });
                }
                int succeeded = 0;
                for (Future<Integer> result : pool.invokeAll(clients, 60, TimeUnit.SECONDS)) {
                    succeeded += result.get();
                }
                assertThat(succeeded).isEqualTo(THREADS * CALLS_PER_THREAD);
            }
            finally {
                pool.shutdownNow();
            }
            assertThat(simulator.state().userCount("acme")).isEqualTo(usersBefore + THREADS * CALLS_PER_THREAD);
            assertThat(simulator.requests().count("users.add")).isEqualTo(THREADS * CALLS_PER_THREAD);
            assertThat(simulator.requests().processed("users.add")).isEqualTo(THREADS * CALLS_PER_THREAD);
            assertThat(simulator.requests().count("login")).isEqualTo(THREADS);
            assertThat(simulator.requests().arrivals("users.query")).hasSize(THREADS * CALLS_PER_THREAD);
        }
    }

    @Test
    void aLargePageStreamsCompletely() throws Exception {
        try (CteraPortalSimulator simulator = CteraPortalSimulator.start()) {
            for (int i = 0; i < 500; i++) {
                simulator.state().addUser("acme", String.format("bulk.%04d", i), "Pw-1", "EndUser", "b" + i + "@acme.com");
            }
            PortalHttp.Session admin = new PortalHttp(simulator).session("admin", simulator.adminCredentials());
            List<com.ctera.simulator.xml.XmlObj> all = UsersApiTest.objects(
                    admin.post("/users", db("query", queryParams(0, 10_000, "<val>email</val>", ""))));
            assertThat(all).hasSize(simulator.state().userCount("acme"));
            assertThat(UsersApiTest.names(all)).doesNotHaveDuplicates().isSorted();
        }
    }
}
