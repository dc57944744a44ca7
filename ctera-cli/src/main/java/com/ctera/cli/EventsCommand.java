package com.ctera.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reactor.core.Disposable;

import com.ctera.client.CteraException;
import com.ctera.client.CteraPortal;
import com.ctera.client.notifications.ChangeBatch;
import com.ctera.client.notifications.ChangeEntry;
import com.ctera.client.notifications.Notifications;
import com.ctera.client.notifications.ReactiveNotifications;

/** {@code ctera events}: follow the portal's change feed. */
@Command(name = "events", description = "Follow the portal's change feed.", addMethodSubcommands = false)
final class EventsCommand {

    private static final long POLL_MILLIS = 200;

    @ParentCommand
    @Nullable CteraCommand root;

    @Command(name = "tail", description = "Print changes as they happen until Ctrl-C (columns: time, event, type, "
            + "path, size, guid; JSON gives one object per line).")
    int tail(@Option(names = "--from-start", description = "First print every change the feed still holds.")
            boolean fromStart,
            @Option(names = "--folder-id", paramLabel = "ID", split = ",",
                    description = "Only these cloud folders (default: all).") List<Long> folderIds,
            @Option(names = "--count", paramLabel = "N", description = "Stop after N changes.") @Nullable Long count,
            @Option(names = "--duration", paramLabel = "DURATION",
                    description = "Stop after this long, ISO-8601 such as PT30S.") @Nullable Duration duration)
            throws InterruptedException {
        CteraCommand command = Commands.root(this.root);
        List<Long> folders = (folderIds != null) ? folderIds : List.of();
        ShutdownSignal signal = ShutdownSignal.listen();
        command.afterClose(signal::finished);
        CteraPortal portal = command.portal();
        Notifications feed = portal.notifications();
        String cursor = fromStart ? null : endOfFeed(feed, folders);
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        Disposable subscription = portal.reactive().notifications()
            .feed(folders, cursor, ReactiveNotifications.DEFAULT_LONGPOLL_TIMEOUT,
                    ReactiveNotifications.DEFAULT_MAX_RESULTS)
            .subscribe(arrivals::add, arrivals::add);
        ResultPrinter printer = command.printer();
        long remaining = (count != null) ? count : Long.MAX_VALUE;
        long deadline = (duration != null) ? System.nanoTime() + duration.toNanos() : Long.MAX_VALUE;
        boolean first = true;
        try {
            while (remaining > 0 && !signal.stopRequested() && System.nanoTime() - deadline < 0) {
                Object arrival = arrivals.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (arrival instanceof Throwable failure) {
                    throw (failure instanceof RuntimeException runtime) ? runtime : new IllegalStateException(failure);
                }
                if (arrival instanceof ChangeBatch batch) {
                    for (ChangeEntry entry : batch.entries()) {
                        if (remaining-- <= 0) {
                            break;
                        }
                        printer.follow(Rows.of("time", "event", "type", "path", "size", "guid").add(
                                Instant.now().toString(), entry.deleted() ? "deleted" : "changed", entry.type(),
                                path(feed, entry), entry.size(), entry.guid()), first);
                        first = false;
                    }
                }
            }
        }
        finally {
            subscription.dispose();
        }
        return ExitCodes.OK;
    }

    // Reads past what the feed holds now, so only later changes are printed.
    private static @Nullable String endOfFeed(Notifications feed, List<Long> folders) {
        ChangeBatch batch = feed.list(folders, null);
        while (batch.hasMore()) {
            batch = feed.list(folders, batch.cursor());
        }
        return batch.cursor();
    }

    // A deleted item may have no ancestors left to ask; its own name is the best there is.
    private static String path(Notifications feed, ChangeEntry entry) {
        try {
            return feed.path(entry);
        }
        catch (CteraException ex) {
            return entry.name();
        }
    }
}
