package com.ctera.client.tasks;

import java.util.List;

import com.ctera.client.protocol.TaskRef;

/**
 * A background task started by an operation, with what is needed to report its failure well: the operation's name
 * and the paths it works on.
 * @param ref the task's reference
 * @param operation the operation that started it, such as {@code files.delete}
 * @param subjects the paths or names the task works on
 */
public record PendingTask(TaskRef ref, String operation, List<String> subjects) {

    public PendingTask {
        subjects = List.copyOf(subjects);
    }
}
