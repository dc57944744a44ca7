package com.ctera.client.tasks;

/**
 * Told the task's state after every poll while a task is awaited. Called on a Reactor thread: it must return
 * quickly and not block; anything it throws is logged once and ignored.
 */
@FunctionalInterface
public interface TaskProgressListener {

    /** A listener that ignores every update. */
    TaskProgressListener NONE = task -> {
    };

    /** The task's state as just read. */
    void progress(BackgroundTask task);
}
