package com.ctera.client.tasks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraServerException;

/**
 * Turns a finished task that failed into the typed exception of protocol §3.2: {@code Conflict} is a conflict,
 * {@code PermissionDenied} a refusal, a missing source or destination a not-found; any other failure is a server
 * error carrying the portal's progress text.
 */
final class TaskFailures {

    // The SDK's test for "an item of the task does not exist" (PortalTask.unknown_object).
    private static final Pattern UNKNOWN_OBJECT = Pattern.compile("Resource, (.*) , doesn't exist\\.?");

    private static final String DESTINATION_MISSING = "DestinationNotExists";

    private TaskFailures() {
    }

    /** The exception for a failed task, or {@code null} when the task ended well. */
    static @Nullable CteraException failureOf(BackgroundTask task, PendingTask pending) {
        boolean failed = task.status() == TaskStatus.FAILED;
        boolean warned = task.status() == TaskStatus.COMPLETED_WITH_WARNINGS;
        if (!failed && !warned) {
            return null;
        }
        String progress = (task.progress() != null) ? task.progress() : "";
        String errorType = task.errorType();
        String operation = pending.operation();
        String prefix = operation + " failed on " + pending.subjects() + ": task " + task.ref() + " ended '"
                + task.statusText() + "'";
        if ("Conflict".equalsIgnoreCase(errorType)) {
            return new CteraConflictException(operation, 200, prefix + ": an item with the same name exists at the "
                    + "destination" + detail(progress), null);
        }
        if ("PermissionDenied".equalsIgnoreCase(errorType)) {
            return new CteraAccessDeniedException(operation, 200, prefix + ": permission denied" + detail(progress),
                    null);
        }
        Matcher unknown = UNKNOWN_OBJECT.matcher(progress.trim());
        if (unknown.matches()) {
            return new CteraNotFoundException(operation, 200, prefix + ": '" + unknown.group(1).trim()
                    + "' does not exist", null);
        }
        if (DESTINATION_MISSING.equals(progress.trim()) || DESTINATION_MISSING.equals(errorType)) {
            return new CteraNotFoundException(operation, 200, prefix + ": the destination folder does not exist",
                    null);
        }
        if (failed) {
            return new CteraServerException(operation, 200, prefix + ((errorType != null) ? " (" + errorType + ")"
                    : "") + detail(progress), null);
        }
        return null;
    }

    private static String detail(String progress) {
        return progress.isBlank() ? "" : ": " + progress;
    }
}
