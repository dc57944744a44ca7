package com.ctera.client.tasks;

import java.time.Duration;

import com.ctera.client.protocol.TaskRef;

/** Background tasks (protocol §5.9), blocking; every method delegates to {@link ReactiveTasks}. */
public final class Tasks {

    private final ReactiveTasks reactive;

    /** Created by {@code CteraPortal}. */
    public Tasks(ReactiveTasks reactive) {
        this.reactive = reactive;
    }

    /** The task's current state. */
    public BackgroundTask get(TaskRef ref) {
        return this.reactive.get(ref).block();
    }

    /** Waits until the task ends or the timeout passes; failures are typed as in {@link ReactiveTasks}. */
    public BackgroundTask await(TaskRef ref, Duration timeout) {
        return this.reactive.await(ref, timeout).block();
    }

    /** Waits until the task ends or the timeout passes, telling the listener each state read. */
    public BackgroundTask await(TaskRef ref, Duration timeout, TaskProgressListener listener) {
        return this.reactive.await(ref, timeout, listener).block();
    }

    /** Waits until the task ends; failures name the operation that started it and its paths. */
    public BackgroundTask await(PendingTask task, Duration timeout) {
        return this.reactive.await(task, timeout).block();
    }

    /** Waits until the task ends, telling the listener each state read; failures name the operation and paths. */
    public BackgroundTask await(PendingTask task, Duration timeout, TaskProgressListener listener) {
        return this.reactive.await(task, timeout, listener).block();
    }
}
