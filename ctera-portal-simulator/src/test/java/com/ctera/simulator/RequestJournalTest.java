package com.ctera.simulator;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.ctera.simulator.PortalHttp.db;
import static com.ctera.simulator.PortalHttp.queryParams;
import static org.assertj.core.api.Assertions.assertThat;

class RequestJournalTest {

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void countsReceivedAndProcessedRequestsPerOperation() throws Exception {
        PortalHttp http = new PortalHttp(simulator);
        simulator.requests().reset();
        Instant before = Instant.now();
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        admin.get("/currentSession");
        admin.get("/currentPortal");
        admin.put("/currentPortal", "<val>acme</val>");
        admin.get("/version");
        admin.get("/rolesSettings/readWriteAdminSettings");
        admin.post("/users", db("query", queryParams(0, 1, "", "")));
        admin.post("/users/alice", db("get-multi", "<list><val>/name</val></list>"));
        admin.get("/users/alice");
        admin.get("/users/nobody");
        admin.post("/devices", db("query", queryParams(0, 1, "", "")));
        admin.post("/portals/acme/devices/FSRV1", db("get-multi", "<list><val>/name</val></list>"));
        admin.get("/whatever");
        http.send("GET", "/ServicesPortal/public/publicInfo", null);
        admin.post("/logout", "");

        RequestJournal journal = simulator.requests();
        for (String operation : new String[] { "login", "currentSession", "currentPortal", "currentPortal.set",
                "version", "rolesSettings", "users.query", "users.get", "devices.query", "devices.get", "publicInfo",
                "logout", "unknown" }) {
            assertThat(journal.count(operation)).as(operation).isEqualTo(1);
        }
        assertThat(journal.count("users.read")).isEqualTo(2);
        assertThat(journal.processed("users.read")).as("the 404 took no effect").isEqualTo(1);
        assertThat(journal.processed("unknown")).isZero();
        assertThat(journal.total()).isEqualTo(15);
        assertThat(journal.arrivals("users.read")).hasSize(2)
            .allSatisfy(arrival -> assertThat(arrival).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now()));
        assertThat(journal.count("never.seen")).isZero();
        assertThat(journal.arrivals("never.seen")).isEmpty();

        journal.reset();
        assertThat(journal.total()).isZero();
        assertThat(journal.count("version")).isZero();
    }

    @Test
    void arrivalsKeepOnlyTheMostRecent() {
        RequestJournal journal = new RequestJournal();
        for (int i = 0; i < RequestJournal.MAX_ARRIVALS + 5; i++) {
            journal.received("x");
        }
        assertThat(journal.count("x")).isEqualTo(RequestJournal.MAX_ARRIVALS + 5);
        assertThat(journal.arrivals("x")).hasSize(RequestJournal.MAX_ARRIVALS);
    }
}
