package com.ctera.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import com.ctera.client.logs.LogEntry;
import com.ctera.client.logs.LogQuery;
import com.ctera.client.logs.LogSeverity;
import com.ctera.client.logs.LogTopic;
import com.ctera.client.notifications.Ancestor;
import com.ctera.client.notifications.ChangeBatch;
import com.ctera.client.notifications.ChangeEntry;
import com.ctera.client.protocol.XmlObject;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.reports.ReportName;
import com.ctera.client.statistics.CloudFolderUsage;
import com.ctera.client.statistics.TenantUsage;
import com.ctera.client.tasks.BackgroundTask;
import com.ctera.client.tasks.PendingTask;
import com.ctera.client.tasks.TaskStatus;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.SimulatorState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tasks, logs, statistics, reports, the change feed and upload quota errors, blocking and reactive. */
class DataPlaneAreasTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static CteraPortalSimulator simulator;

    private static CteraPortal admin;

    private static CteraPortal tenantAdmin;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        admin = TestPortals.admin(simulator, null);
        tenantAdmin = TestPortals.tenantAdmin(simulator);
        user = TestPortals.endUser(simulator);
    }

    @AfterAll
    static void stop() {
        admin.close();
        tenantAdmin.close();
        user.close();
        simulator.close();
    }

    @Test
    void tasksAreReadWithGetTaskStatusInATenantAndByGetInGlobalAdministration() {
        user.files().mkdirs("My Files/areas-tasks");
        upload("My Files/areas-tasks", "t.txt", "task");
        PendingTask delete = user.files().delete("My Files/areas-tasks/t.txt");
        BackgroundTask done = user.tasks().await(delete.ref(), WAIT);
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.percentage()).isEqualTo(100);
        assertThat(done.className()).isEqualTo("FileManagerBgTask");
        assertThat(done.totalFiles()).isEqualTo(1L);

        long gets = simulator.requests().count("tasks.status");
        BackgroundTask seenByAdmin = admin.tasks().get(delete.ref());
        assertThat(simulator.requests().count("tasks.status")).isEqualTo(gets + 1);
        assertThat(seenByAdmin.ref()).isEqualTo(delete.ref());
        assertThat(seenByAdmin.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(admin.tasks().await(delete.ref(), WAIT).status()).isEqualTo(TaskStatus.COMPLETED);
        try (CteraPortal browsing = TestPortals.admin(simulator, simulator.defaultTenant())) {
            long statusCalls = simulator.requests().count("tasks.status");
            StepVerifier.create(browsing.reactive().tasks().await(delete.ref(), WAIT))
                    .assertNext(task -> assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED))
                    .verifyComplete();
            assertThat(simulator.requests().count("tasks.status")).isGreaterThan(statusCalls);
        }
        StepVerifier.create(user.reactive().tasks().get(delete.ref()))
                .assertNext(task -> assertThat(task.finished()).isTrue())
                .verifyComplete();
    }

    @Test
    void uploadsOverTheQuotaFailWithTheQuotaException() {
        String tenant = simulator.defaultTenant();
        String username = simulator.endUserCredentials().username();
        user.files().mkdirs("My Files/quota");
        simulator.state().setQuota(tenant, username, simulator.state().usage(tenant, username) + 10);
        try {
            assertThatThrownBy(() -> upload("My Files/quota", "big.txt", "more than ten bytes"))
                    .isInstanceOf(CteraQuotaException.class)
                    .hasMessageContaining("files.upload")
                    .hasMessageContaining("My Files/quota/big.txt")
                    .hasMessageContaining("out of quota");
        }
        finally {
            simulator.state().setQuota(tenant, username, SimulatorState.DEFAULT_QUOTA_BYTES);
        }
        assertThat(user.files().exists("My Files/quota/big.txt")).isFalse();
    }

    @Test
    void queriesLogsByTopicSeverityTimeAndPages() {
        LocalDateTime start = LocalDateTime.now().minusHours(1);
        user.files().mkdirs("My Files/audited folder/one/two");
        LogQuery audit = LogQuery.builder().topic(LogTopic.AUDIT).after(start).pageSize(2).build();
        List<LogEntry> entries = tenantAdmin.logs().query(audit).toList();
        assertThat(entries).hasSizeGreaterThan(2);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.topic()).isEqualTo("audit");
            assertThat(entry.time()).isAfter(start);
            assertThat(entry.originType()).isEqualTo("Portal");
        });
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.message()).contains("audited folder");
            assertThat(entry.logName()).isNotBlank();
            assertThat(entry.attributes()).containsKey("username");
        });
        StepVerifier.create(tenantAdmin.reactive().logs().query(audit).count())
                .assertNext(count -> assertThat(count).isGreaterThanOrEqualTo(entries.size()))
                .verifyComplete();

        CteraPortal intruder = CteraPortal.builder().baseUrl(simulator.baseUrl())
                .context(PortalContext.SERVICES_PORTAL).credentials(simulator.endUserCredentials().username(),
                        "wrong password").readTimeout(TestPortals.READ_TIMEOUT).build();
        assertThatThrownBy(intruder::session).isInstanceOf(CteraAuthenticationException.class);
        intruder.close();
        List<LogEntry> warnings = tenantAdmin.logs().query(LogQuery.builder().topic(LogTopic.ACCESS)
                .minSeverity(LogSeverity.WARNING).after(start).build()).toList();
        assertThat(warnings).isNotEmpty().allSatisfy(entry -> assertThat(entry.severityLevel())
                .matches(level -> level != null && level.atLeast(LogSeverity.WARNING)));
        assertThat(tenantAdmin.logs().query(LogQuery.builder().topic(LogTopic.ACCESS).after(start)
                .before(start.plusSeconds(1)).build()).toList()).isEmpty();
    }

    @Test
    void readsTenantUsageAndCloudFolderStatistics() {
        List<TenantUsage> tenants = admin.statistics().tenants();
        assertThat(tenants).extracting(TenantUsage::name).contains(simulator.defaultTenant());
        TenantUsage acme = admin.statistics().tenant(simulator.defaultTenant()).orElseThrow();
        assertThat(acme.totalStorage()).isPositive();
        assertThat(acme.usedStorage()).isNotNull().isNotNegative();
        assertThat(acme.users()).isPositive();
        StepVerifier.create(admin.reactive().statistics().tenants().count())
                .expectNext((long) tenants.size()).verifyComplete();

        user.files().mkdirs("My Files/stats");
        upload("My Files/stats", "s.txt", "statistics");
        List<CloudFolderUsage> folders = tenantAdmin.statistics().cloudFolders();
        assertThat(folders).isNotEmpty().anySatisfy(folder -> {
            assertThat(folder.name()).isEqualTo("My Files");
            assertThat(folder.sizeBytes()).isPositive();
            assertThat(folder.totalFiles()).isPositive();
        });
    }

    @Test
    void generatesAndReadsReports() {
        assertThatThrownBy(() -> tenantAdmin.reports().get(ReportName.FOLDER_GROUPS))
                .isInstanceOf(CteraNotFoundException.class).hasMessageContaining("reports.get");
        tenantAdmin.reports().generate(ReportName.FOLDERS);
        XmlValue folders = tenantAdmin.reports().get(ReportName.FOLDERS);
        assertThat(folders).isInstanceOf(XmlObject.class);
        StepVerifier.create(admin.reactive().reports().generate(ReportName.PORTALS)
                .then(admin.reactive().reports().get(ReportName.PORTALS)))
                .assertNext(report -> assertThat(report).isInstanceOf(XmlObject.class))
                .verifyComplete();
        assertThatThrownBy(() -> ReportName.parse("bogus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portalsStatisticsReport");
        assertThat(ReportName.parse("foldersStatisticsReport")).isEqualTo(ReportName.FOLDERS);
    }

    @Test
    void changeFeedListsLongPollsAndNamesAncestors() {
        long folderId = user.files().stat("My Files").cloudFolder().uid();
        ChangeBatch start = drain(List.of(folderId), null);
        assertThat(user.notifications().longpoll(List.of(folderId), start.cursor(), Duration.ofMillis(200)))
                .isFalse();
        user.files().mkdirs("My Files/feed/inner");
        upload("My Files/feed/inner", "changed.txt", "changed");
        assertThat(user.notifications().longpoll(List.of(folderId), start.cursor(), Duration.ofSeconds(5))).isTrue();
        ChangeBatch next = user.notifications().list(List.of(folderId), start.cursor());
        assertThat(next.cursor()).isNotEqualTo(start.cursor());
        ChangeEntry file = next.entries().stream().filter(entry -> entry.name().equals("changed.txt")).findFirst()
                .orElseThrow();
        assertThat(file.folderId()).isEqualTo(folderId);
        assertThat(file.deleted()).isFalse();
        assertThat(file.folder()).isFalse();
        List<Ancestor> ancestors = user.notifications().ancestors(folderId, file.guid());
        assertThat(ancestors).extracting(Ancestor::name).endsWith("feed", "inner", "changed.txt");
        assertThat(user.notifications().path(file)).endsWith("feed/inner/changed.txt");
        assertThat(user.notifications().list(List.of(folderId), next.cursor()).entries()).isEmpty();
        assertThatThrownBy(() -> user.notifications().list(List.of(folderId), "not-a-cursor"))
                .isInstanceOf(CteraClientErrorException.class).hasMessageContaining("notifications.list")
                .hasMessageContaining("cursor: not a cursor this portal issued");
    }

    @Test
    void reactiveFormsOfTheChangeFeedStatisticsAndLogs() {
        long folderId = user.files().stat("My Files").cloudFolder().uid();
        String cursor = drain(List.of(folderId), null).cursor();
        user.files().mkdirs("My Files/reactive-feed");
        StepVerifier.create(user.reactive().notifications().longpoll(List.of(folderId), cursor, Duration.ofSeconds(5))
                .filter(Boolean::booleanValue)
                .flatMap(changes -> user.reactive().notifications().list(List.of(folderId), cursor, 10))
                .flatMap(batch -> {
                    ChangeEntry folder = batch.entries().stream()
                            .filter(entry -> entry.name().equals("reactive-feed")).findFirst().orElseThrow();
                    assertThat(folder.folder()).isTrue();
                    return user.reactive().notifications().ancestors(folderId, folder.guid());
                }))
                .assertNext(ancestors -> assertThat(ancestors).last().extracting(Ancestor::name)
                        .isEqualTo("reactive-feed"))
                .verifyComplete();
        StepVerifier.create(tenantAdmin.reactive().statistics().cloudFolders().map(CloudFolderUsage::name).collectList())
                .assertNext(names -> assertThat(names).contains("My Files"))
                .verifyComplete();
        StepVerifier.create(tenantAdmin.reactive().logs().page(LogQuery.builder().topic(LogTopic.AUDIT)
                .pageSize(1).build(), 0))
                .assertNext(page -> assertThat(page.items()).hasSizeLessThanOrEqualTo(1))
                .verifyComplete();
        StepVerifier.create(tenantAdmin.reactive().logs().page(LogQuery.builder().build(), -1))
                .verifyError(IllegalArgumentException.class);
    }

    private static ChangeBatch drain(List<Long> folders, String cursor) {
        ChangeBatch batch = user.notifications().list(folders, cursor);
        for (int i = 0; i < 100 && batch.hasMore(); i++) {
            batch = user.notifications().list(folders, batch.cursor());
        }
        assertThat(batch.hasMore()).isFalse();
        return batch;
    }

    private static void upload(String folder, String name, String text) {
        user.files().upload(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), folder, name);
    }
}
