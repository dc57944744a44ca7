package com.ctera.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.files.TransferListener;
import com.ctera.client.notifications.ChangeBatch;
import com.ctera.client.notifications.ChangeEntry;
import com.ctera.simulator.CteraPortalSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** The change feed under concurrent writers: every change is seen through list/longpoll, none twice. */
class ChangeFeedTest {

    private static final int WRITERS = 4;

    private static final int FILES_PER_WRITER = 125;

    private static CteraPortalSimulator simulator;

    private static CteraPortal user;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
        user = TestPortals.endUser(simulator);
    }

    @AfterAll
    static void stop() {
        user.close();
        simulator.close();
    }

    @Test
    void fiveHundredChangesFromFourWritersAreAllSeenOnce() throws Exception {
        long folderId = user.files().stat("My Files").cloudFolder().uid();
        for (int writer = 0; writer < WRITERS; writer++) {
            user.files().mkdirs("My Files/feed/w" + writer);
        }
        String start = endOfFeed(folderId);
        List<String> cursors = new CopyOnWriteArrayList<>();
        CompletableFuture<List<ChangeEntry>> seen = user.reactive().notifications()
                .feed(List.of(folderId), start, Duration.ofSeconds(2), 100)
                .doOnNext(batch -> cursors.add(batch.cursor()))
                .flatMapIterable(ChangeBatch::entries)
                .filter(entry -> entry.name().startsWith("change-"))
                .take(WRITERS * FILES_PER_WRITER)
                .collectList()
                .toFuture();

        Flux.range(0, WRITERS)
                .flatMap(writer -> Flux.range(0, FILES_PER_WRITER)
                        .concatMap(index -> write(writer, index)), WRITERS)
                .then()
                .block(Duration.ofSeconds(90));

        List<ChangeEntry> entries = seen.get(60, TimeUnit.SECONDS);
        Set<String> names = new HashSet<>();
        entries.forEach(entry -> names.add(entry.name()));
        assertThat(names).hasSize(WRITERS * FILES_PER_WRITER);
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.folderId()).isEqualTo(folderId);
            assertThat(entry.deleted()).isFalse();
            assertThat(entry.size()).isPositive();
        });
        // Each page moved the cursor on, and nothing of ours is left after the last one.
        assertThat(cursors).doesNotHaveDuplicates();
        ChangeBatch after = user.notifications().list(List.of(folderId), cursors.get(cursors.size() - 1));
        assertThat(after.entries()).noneSatisfy(entry -> assertThat(names).contains(entry.name()));
    }

    private static Mono<String> write(int writer, int index) {
        byte[] content = ("writer " + writer + " file " + index).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> body = Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(content)));
        return user.reactive().files().upload(body, content.length, "My Files/feed/w" + writer,
                "change-" + writer + "-" + index + ".txt", TransferListener.NONE);
    }

    private static String endOfFeed(long folderId) {
        ChangeBatch batch = user.notifications().list(List.of(folderId), null);
        for (int page = 0; page < 1000 && batch.hasMore(); page++) {
            batch = user.notifications().list(List.of(folderId), batch.cursor());
        }
        assertThat(batch.hasMore()).isFalse();
        return batch.cursor();
    }
}
