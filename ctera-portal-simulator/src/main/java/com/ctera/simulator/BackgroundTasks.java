package com.ctera.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.ctera.simulator.xml.XmlObj;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

/**
 * The portal's background tasks (protocol §5.9): each advances its percentage on Reactor timer ticks over the
 * configured duration, does its work at the last tick and ends {@code completed} or {@code failed}. Tasks are
 * referenced as {@code servers/MainDB/bgTasks/{id}}.
 */
final class BackgroundTasks implements AutoCloseable {

    /** The server name in task references. */
    static final String SERVER = "MainDB";

    private static final int STEPS = 4;

    private final Duration duration;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(918_900);
    private final ConcurrentSkipListMap<Long, Task> tasks = new ConcurrentSkipListMap<>();
    private final Disposable.Composite running = Disposables.composite();

    BackgroundTasks(Duration duration, Clock clock) {
        this.duration = duration;
        this.clock = clock;
    }

    /**
     * Starts a file task and returns its reference.
     * @param work what the task does, run once at its last tick
     * @param done told the outcome once the task has ended
     */
    String startFileTask(String name, String tenant, long portalUid, long userUid, long totalFiles, long totalBytes,
            Supplier<FileActions.Outcome> work, Consumer<FileActions.Outcome> done) {
        long id = this.ids.incrementAndGet();
        Task task = new Task(id, name, tenant, portalUid, userUid, totalFiles, totalBytes, now());
        this.tasks.put(id, task);
        Duration step = this.duration.dividedBy(STEPS);
        if (step.isZero()) {
            step = Duration.ofMillis(1);
        }
        Disposable ticking = Flux.interval(step).take(STEPS).subscribe(tick -> {
            if (tick < STEPS - 1) {
                task.advance((int) ((tick + 1) * 100 / STEPS));
                return;
            }
            FileActions.Outcome outcome;
            try {
                outcome = work.get();
            }
            catch (RuntimeException ex) {
                outcome = new FileActions.Outcome(false, null, "Internal error", null, 0, 0, List.of());
            }
            task.finish(outcome, now());
            done.accept(outcome);
        });
        this.running.add(ticking);
        return reference(id);
    }

    static String reference(long id) {
        return "servers/" + SERVER + "/bgTasks/" + id;
    }

    /** The id in a task reference, or -1 when it is not one (regex of the SDK: {@code servers/x/bgTasks/N}). */
    static long idOf(String reference) {
        java.util.regex.Matcher match = java.util.regex.Pattern.compile("servers/[^/]*/bgTasks/([1-9][0-9]{0,17})$")
            .matcher(reference.trim());
        return match.find() ? Long.parseLong(match.group(1)) : -1;
    }

    /** The task object, or null for an unknown id or a task of another tenant ({@code tenant} null: any). */
    @Nullable XmlObj status(long id, @Nullable String tenant) {
        Task task = this.tasks.get(id);
        if (task == null || (tenant != null && !tenant.equals(task.tenant))) {
            return null;
        }
        return task.render();
    }

    List<XmlObj> list(@Nullable String tenant) {
        List<XmlObj> result = new ArrayList<>();
        for (Task task : this.tasks.values()) {
            if (tenant == null || tenant.equals(task.tenant)) {
                result.add(task.render());
            }
        }
        return result;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        this.running.dispose();
    }

    /** One task's mutable progress; rendered under its own monitor so readers see a consistent object. */
    private static final class Task {

        private final long id;
        private final String name;
        private final String tenant;
        private final long portalUid;
        private final long userUid;
        private final long totalFiles;
        private final long totalBytes;
        private final LocalDateTime startTime;
        private @Nullable LocalDateTime endTime;
        private String status = "running";
        private int percentage;
        private FileActions.@Nullable Outcome outcome;

        Task(long id, String name, String tenant, long portalUid, long userUid, long totalFiles, long totalBytes,
                LocalDateTime startTime) {
            this.id = id;
            this.name = name;
            this.tenant = tenant;
            this.portalUid = portalUid;
            this.userUid = userUid;
            this.totalFiles = totalFiles;
            this.totalBytes = totalBytes;
            this.startTime = startTime;
        }

        synchronized void advance(int percent) {
            this.percentage = Math.max(this.percentage, percent);
        }

        synchronized void finish(FileActions.Outcome result, LocalDateTime when) {
            this.outcome = result;
            this.endTime = when;
            this.status = result.success() ? "completed" : "failed";
            if (result.success()) {
                this.percentage = 100;
            }
        }

        synchronized XmlObj render() {
            FileActions.Outcome result = this.outcome;
            LocalDateTime end = this.endTime;
            long elapsedMillis = java.time.Duration.between(this.startTime,
                    (end != null) ? end : LocalDateTime.now(java.time.ZoneOffset.UTC)).toMillis();
            long filesProcessed = (result != null) ? result.filesProcessed()
                    : this.totalFiles * this.percentage / 100;
            long bytesProcessed = (result != null) ? result.bytesProcessed()
                    : this.totalBytes * this.percentage / 100;
            return XmlObj.ofClass("FileManagerBgTask")
                .put("id", Long.toString(this.id))
                .put("name", this.name)
                .put("startTime", FileStore.iso(this.startTime))
                .put("endTime", (end != null) ? FileStore.iso(end) : null)
                .put("elapsedTime", Long.toString(Math.max(0, elapsedMillis / 1000)))
                .put("status", this.status)
                .put("percentage", Integer.toString(this.percentage))
                .put("result", (String) null)
                .put("progstring", (result != null) ? result.progstring() : "Running")
                .put("portalUid", Long.toString(this.portalUid))
                .put("filesProcessed", Long.toString(filesProcessed))
                .put("bytesProcessed", Long.toString(bytesProcessed))
                .put("totalFiles", Long.toString(this.totalFiles))
                .put("totalBytes", Long.toString(this.totalBytes))
                .put("errorType", (result != null) ? result.errorType() : null)
                .put("fileInProgress", (String) null)
                .put("userUid", Long.toString(this.userUid))
                .put("cursor", (result != null) ? result.cursor() : null);
        }
    }
}
