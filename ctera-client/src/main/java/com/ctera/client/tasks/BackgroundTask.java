package com.ctera.client.tasks;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.ctera.client.protocol.TaskRef;

/**
 * The state of one background task (protocol §5.9). File tasks ({@code FileManagerBgTask}) also carry the file and
 * byte counters; they are {@code null} for other tasks.
 * @param ref the task's reference
 * @param className the portal's class of the task object, such as {@code FileManagerBgTask}
 * @param name what the task does, as the portal names it
 * @param status the running state
 * @param statusText the status exactly as the portal wrote it
 * @param percentage progress from 0 to 100
 * @param progress the portal's progress text ({@code progstring}), which also carries failure details
 * @param result the task's result text, if any
 * @param startTime ISO start time as written
 * @param endTime ISO end time as written, {@code null} while running
 * @param errorType file tasks: the failure class, such as {@code Conflict} or {@code PermissionDenied}
 * @param filesProcessed file tasks: files done so far
 * @param totalFiles file tasks: files in all
 * @param bytesProcessed file tasks: bytes done so far
 * @param totalBytes file tasks: bytes in all
 * @param attributes every text attribute of the task object, known or not
 */
public record BackgroundTask(TaskRef ref, @Nullable String className, @Nullable String name, TaskStatus status,
        String statusText, int percentage, @Nullable String progress, @Nullable String result,
        @Nullable String startTime, @Nullable String endTime, @Nullable String errorType,
        @Nullable Long filesProcessed, @Nullable Long totalFiles, @Nullable Long bytesProcessed,
        @Nullable Long totalBytes, Map<String, String> attributes) {

    public BackgroundTask {
        attributes = Map.copyOf(attributes);
    }

    /** Whether the task has ended. */
    public boolean finished() {
        return this.status.terminal();
    }
}
