package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A series of uploads into one folder stats it once, and a folder changed behind the client's back still fails right. */
class UploadFolderReuseTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    // The same user through another client, changing folders behind the first client's back.
    private static CteraPortal other;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        user = TestPortals.endUser(simulator);
        other = TestPortals.endUser(simulator);
    }

    @AfterAll
    static void stop() {
        other.close();
        user.close();
        simulator.close();
    }

    @Test
    void uploadsIntoOneFolderStatItOnce() {
        String folder = "My Files/series";
        user.files().mkdirs(folder);
        long stats = simulator.requests().count("files.fetchResources");
        for (int i = 0; i < 3; i++) {
            assertThat(upload(user, folder, "f" + i + ".txt")).isEqualTo(folder + "/f" + i + ".txt");
        }
        assertThat(simulator.requests().count("files.fetchResources")).isEqualTo(stats + 1);
        assertThat(user.files().list(folder).toList()).hasSize(3);
    }

    @Test
    void aFolderDeletedByAnotherClientFailsAsMissingAndARecreatedOneIsUsed() {
        String folder = "My Files/vanishing";
        user.files().mkdirs(folder);
        upload(user, folder, "first.txt");
        other.tasks().await(other.files().delete(folder), WAIT);
        long uploads = simulator.requests().count("files.upload");
        assertThatThrownBy(() -> upload(user, folder, "second.txt"))
                .isInstanceOf(CteraNotFoundException.class).hasMessageContaining(folder);
        assertThat(simulator.requests().count("files.upload")).isEqualTo(uploads + 1);
        other.files().mkdirs(folder);
        assertThat(upload(user, folder, "third.txt")).isEqualTo(folder + "/third.txt");
        assertThat(user.files().exists(folder + "/third.txt")).isTrue();
    }

    @Test
    void aFolderReplacedByAFileFailsAsNotAFolder() {
        String folder = "My Files/replaced";
        user.files().mkdirs(folder);
        upload(user, folder, "first.txt");
        other.tasks().await(other.files().delete(folder), WAIT);
        upload(other, "My Files", "replaced");
        assertThatThrownBy(() -> upload(user, folder, "second.txt"))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("is a file");
    }

    @Test
    void aRefusalInAFolderThatIsStillThereStandsAndIsNotSentAgain() {
        String folder = "My Files/full";
        user.files().mkdirs(folder);
        upload(user, folder, "first.txt");
        SimulatorCredentials credentials = simulator.endUserCredentials();
        String tenant = simulator.defaultTenant();
        long uploads = simulator.requests().count("files.upload");
        simulator.state().setQuota(tenant, credentials.username(),
                simulator.state().usage(tenant, credentials.username()));
        try {
            assertThatThrownBy(() -> upload(user, folder, "second.txt")).isInstanceOf(CteraQuotaException.class);
        }
        finally {
            simulator.state().setQuota(tenant, credentials.username(), 1L << 40);
        }
        assertThat(simulator.requests().count("files.upload")).isEqualTo(uploads + 1);
        assertThat(upload(user, folder, "third.txt")).isEqualTo(folder + "/third.txt");
    }

    @Test
    void aDeleteByThisClientIsSeenWithoutSendingTheUpload() {
        String folder = "My Files/own-delete";
        user.files().mkdirs(folder);
        upload(user, folder, "first.txt");
        user.tasks().await(user.files().delete(folder), WAIT);
        long uploads = simulator.requests().count("files.upload");
        assertThatThrownBy(() -> upload(user, folder, "second.txt")).isInstanceOf(CteraNotFoundException.class);
        assertThat(simulator.requests().count("files.upload")).isEqualTo(uploads);
    }

    private static String upload(CteraPortal portal, String folder, String name) {
        return portal.files().upload(new ByteArrayInputStream(name.getBytes()), folder, name);
    }
}
