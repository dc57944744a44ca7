package com.ctera.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FaultRule#expireSessionMidTransfer()}: the session runs out while a body is on its way, either way. */
class MidTransferExpiryTest {

    private static final byte[] CONTENT = new byte[2 * 1024 * 1024];

    private static CteraPortalSimulator simulator;
    private static PortalHttp http;
    private static long aliceFolder;

    @BeforeAll
    static void start() throws Exception {
        Arrays.fill(CONTENT, (byte) 'x');
        simulator = CteraPortalSimulator.start();
        http = new PortalHttp(simulator);
        aliceFolder = simulator.state().cloudFolderUid("acme", "alice");
        FileCalls alice = alice();
        alice.mkdir("My Files", "expiry");
        assertThat(alice.upload(aliceFolder, "My Files/expiry/whole.bin", CONTENT).statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static FileCalls alice() throws Exception {
        return new FileCalls(simulator, "ServicesPortal", http.session("ServicesPortal", simulator.endUserCredentials()));
    }

    @Test
    void aDownloadSendsHalfItsBodyAndTheResumeMeetsTheExpiredSession() throws Exception {
        FileCalls alice = alice();
        simulator.faults().inject(FaultRule.forOperation("files.download").expireSessionMidTransfer());
        int received;
        try {
            received = alice.download("My Files/expiry/whole.bin").body().length;
        }
        catch (IOException cutShort) {
            received = -1;
        }
        assertThat(received).isLessThan(CONTENT.length);
        HttpResponse<byte[]> resumed = alice.download("My Files/expiry/whole.bin", "Range", "bytes=1048576-");
        assertThat(resumed.statusCode()).isEqualTo(302);
        assertThat(resumed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("login"));
    }

    @Test
    void anUploadIsAnsweredWithTheExpiryRedirectHalfwayAndStoresNothing() throws Exception {
        FileCalls alice = alice();
        simulator.faults().inject(FaultRule.forOperation("files.upload").expireSessionMidTransfer());
        long before = simulator.requests().processed("files.upload");
        int status;
        try {
            status = alice.upload(aliceFolder, "My Files/expiry/cut.bin", CONTENT).statusCode();
        }
        catch (IOException connectionClosedWhileSending) {
            status = -1;
        }
        assertThat(status).isIn(302, -1);
        assertThat(simulator.requests().processed("files.upload")).isEqualTo(before);
        FileCalls again = alice();
        assertThat(again.fetch("My Files/expiry/cut.bin", "0", "").get("root")).isNull();
        assertThat(alice.download("My Files/expiry/whole.bin").statusCode()).isEqualTo(302);
    }

    @Test
    void anApiCallIsProcessedThenAnsweredWithTheRedirect() throws Exception {
        PortalHttp.Session admin = http.session("admin", simulator.adminCredentials());
        simulator.faults().inject(FaultRule.forOperation("version").expireSessionMidTransfer());
        assertThat(admin.get("/version").statusCode()).isEqualTo(302);
        assertThat(admin.get("/version").statusCode()).isEqualTo(302);
        assertThat(http.session("admin", simulator.adminCredentials()).get("/version").statusCode()).isEqualTo(200);
    }
}
