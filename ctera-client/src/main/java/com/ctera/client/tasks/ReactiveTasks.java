package com.ctera.client.tasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraException;
import com.ctera.client.CteraOperation;
import com.ctera.client.CteraProtocolException;
import com.ctera.client.CteraTimeoutException;
import com.ctera.client.PortalContext;
import com.ctera.client.protocol.MalformedXmlException;
import com.ctera.client.protocol.TaskRef;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.PortalCalls;

/**
 * Background tasks in reactive form (protocol §5.9). A tenant session (services portal, or global administration
 * browsing a tenant) reads a task with {@code getTaskStatus}; global administration reads
 * {@code GET /admin/api/servers/{server}/bgTasks/{id}}. Awaiting polls at a fixed interval on Reactor's timer and
 * never blocks a thread.
 */
public final class ReactiveTasks {

    private static final Logger logger = LoggerFactory.getLogger(ReactiveTasks.class);

    private final PortalCalls calls;

    private final Duration pollInterval;

    /**
     * Created by {@code CteraPortal}.
     * @param pollInterval the pause between two reads of an awaited task
     */
    public ReactiveTasks(PortalCalls calls, Duration pollInterval) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("task poll interval must be positive, was " + pollInterval);
        }
        this.calls = calls;
        this.pollInterval = pollInterval;
    }

    /** The pause between two reads of an awaited task. */
    public Duration pollInterval() {
        return this.pollInterval;
    }

    /** The task's current state. */
    public Mono<BackgroundTask> get(TaskRef ref) {
        return this.calls.sessionInfo().flatMap(info -> {
            boolean tenantSession = this.calls.endpoint().context() == PortalContext.SERVICES_PORTAL
                    || info.tenant() != null;
            Mono<XmlValue> answer = tenantSession
                    ? this.calls.execute(CteraOperation.TASKS_STATUS, "getTaskStatus", new XmlText(ref.path()))
                    : this.calls.get(CteraOperation.TASKS_STATUS, this.calls.api("servers", ref.server(), "bgTasks",
                            Long.toString(ref.id())));
            return answer.map(value -> {
                try {
                    return TaskMapper.toTask(ref, value);
                }
                catch (MalformedXmlException ex) {
                    throw new CteraProtocolException(CteraOperation.TASKS_STATUS.name(), 200,
                            "tasks.status failed: " + ex.getMessage(), ex);
                }
            });
        });
    }

    /** Waits until the task ends; see {@link #await(PendingTask, Duration, TaskProgressListener)}. */
    public Mono<BackgroundTask> await(TaskRef ref, Duration timeout) {
        return await(ref, timeout, TaskProgressListener.NONE);
    }

    /** Waits until the task ends; see {@link #await(PendingTask, Duration, TaskProgressListener)}. */
    public Mono<BackgroundTask> await(TaskRef ref, Duration timeout, TaskProgressListener listener) {
        return await(new PendingTask(ref, CteraOperation.TASKS_STATUS.name(), List.of(ref.path())), timeout,
                listener);
    }

    /** Waits until the task ends; see {@link #await(PendingTask, Duration, TaskProgressListener)}. */
    public Mono<BackgroundTask> await(PendingTask task, Duration timeout) {
        return await(task, timeout, TaskProgressListener.NONE);
    }

    /**
     * Reads the task now and then every poll interval until it reaches a terminal state, telling the listener each
     * state read.
     * @return the final state when the task completed (also {@code stopped} or {@code disabled}); fails with the
     * typed exception of protocol §3.2 when it failed ({@code CteraConflictException},
     * {@code CteraAccessDeniedException}, {@code CteraNotFoundException}, else {@code CteraServerException}), with
     * {@link CteraTimeoutException} when {@code timeout} passes first, and with the polling call's own error when a
     * read fails
     */
    public Mono<BackgroundTask> await(PendingTask task, Duration timeout, TaskProgressListener listener) {
        if (timeout.isNegative() || timeout.isZero()) {
            return Mono.error(new IllegalArgumentException("task timeout must be positive, was " + timeout));
        }
        return Mono.defer(() -> {
            AtomicReference<@Nullable BackgroundTask> last = new AtomicReference<>();
            SafeListener safe = new SafeListener(listener);
            return Flux.interval(Duration.ZERO, this.pollInterval)
                    .onBackpressureDrop()
                    .concatMap(tick -> get(task.ref()), 1)
                    .doOnNext(state -> {
                        last.set(state);
                        safe.progress(state);
                    })
                    .filter(BackgroundTask::finished)
                    .next()
                    .timeout(timeout, Mono.error(() -> timedOut(task, timeout, last.get())))
                    .flatMap(state -> {
                        CteraException failure = TaskFailures.failureOf(state, task);
                        return (failure != null) ? Mono.error(failure) : Mono.just(state);
                    });
        });
    }

    private static CteraTimeoutException timedOut(PendingTask task, Duration timeout,
            @Nullable BackgroundTask last) {
        String state = (last != null) ? "'" + last.statusText() + "' at " + last.percentage() + "%"
                : "not read yet";
        return new CteraTimeoutException(task.operation(), task.operation() + " on " + task.subjects() + ": task "
                + task.ref() + " did not end within " + timeout + " (last state " + state + ")", timeout, null);
    }

    /** Shields the poll from a listener that throws: the first failure is logged, later ones are ignored. */
    private static final class SafeListener {

        private final TaskProgressListener delegate;

        private final AtomicBoolean reported = new AtomicBoolean();

        SafeListener(TaskProgressListener delegate) {
            this.delegate = delegate;
        }

        void progress(BackgroundTask task) {
            try {
                this.delegate.progress(task);
            }
            catch (RuntimeException ex) {
                if (this.reported.compareAndSet(false, true)) {
                    logger.warn("Task progress listener {} failed on task {}; further failures are ignored",
                            this.delegate.getClass().getName(), task.ref(), ex);
                }
            }
        }
    }
}
