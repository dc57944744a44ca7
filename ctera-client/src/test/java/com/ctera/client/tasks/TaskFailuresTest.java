package com.ctera.client.tasks;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.ctera.client.CteraAccessDeniedException;
import com.ctera.client.CteraConflictException;
import com.ctera.client.CteraNotFoundException;
import com.ctera.client.CteraServerException;
import com.ctera.client.protocol.TaskRef;
import com.ctera.client.protocol.XmlObject;

import static org.assertj.core.api.Assertions.assertThat;

/** Finished tasks turned into the typed failures of protocol §3.2, and task objects read from the wire. */
class TaskFailuresTest {

    private static final PendingTask MOVE = new PendingTask(TaskRef.parse("servers/MainDB/bgTasks/918908"),
            "files.move", List.of("My Files/a.txt"));

    @Test
    void mapsEveryKnownFailure() {
        assertThat(TaskFailures.failureOf(task("failed", "Conflict", "Conflict"), MOVE))
                .isInstanceOf(CteraConflictException.class).hasMessageContaining("files.move")
                .hasMessageContaining("My Files/a.txt").hasMessageContaining("servers/MainDB/bgTasks/918908");
        assertThat(TaskFailures.failureOf(task("completed with warnings", "PermissionDenied", "denied"), MOVE))
                .isInstanceOf(CteraAccessDeniedException.class);
        assertThat(TaskFailures.failureOf(task("failed", null, "Resource, /ServicesPortal/webdav/My Files/x , "
                + "doesn't exist."), MOVE)).isInstanceOf(CteraNotFoundException.class)
                .hasMessageContaining("'/ServicesPortal/webdav/My Files/x' does not exist");
        assertThat(TaskFailures.failureOf(task("failed", null, "DestinationNotExists"), MOVE))
                .isInstanceOf(CteraNotFoundException.class).hasMessageContaining("destination");
        assertThat(TaskFailures.failureOf(task("failed", "Unexpected", "disk on fire"), MOVE))
                .isInstanceOf(CteraServerException.class).hasMessageContaining("disk on fire");
    }

    @Test
    void successesAndWarningsWithoutACauseAreNotFailures() {
        assertThat(TaskFailures.failureOf(task("completed", null, "Done"), MOVE)).isNull();
        assertThat(TaskFailures.failureOf(task("completed with warnings", null, "Done"), MOVE)).isNull();
        assertThat(TaskFailures.failureOf(task("stopped", null, ""), MOVE)).isNull();
    }

    @Test
    void readsTheSdksTaskObject() {
        XmlObject wire = XmlObject.builder("FileManagerBgTask").put("id", "918908").put("name", "Deleting")
                .put("startTime", "2024-05-01T10:00:00").put("endTime", "2024-05-01T10:00:01")
                .put("elapsedTime", "1").put("status", "completed").put("percentage", "100").putNull("result")
                .put("progstring", "Done").put("portalUid", "50").put("filesProcessed", "1")
                .put("bytesProcessed", "10").put("totalFiles", "1").put("totalBytes", "10").putNull("errorType")
                .putNull("fileInProgress").put("userUid", "55").putNull("cursor").build();
        BackgroundTask task = TaskMapper.toTask(MOVE.ref(), wire);
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.finished()).isTrue();
        assertThat(task.percentage()).isEqualTo(100);
        assertThat(task.totalBytes()).isEqualTo(10L);
        assertThat(task.errorType()).isNull();
        assertThat(task.attributes()).containsEntry("portalUid", "50").doesNotContainKey("cursor");
        assertThat(TaskStatus.fromWire("Completed With Warnings")).isEqualTo(TaskStatus.COMPLETED_WITH_WARNINGS);
        assertThat(TaskStatus.fromWire("paused")).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(TaskStatus.UNKNOWN.terminal()).isFalse();
    }

    private static BackgroundTask task(String status, String errorType, String progress) {
        return new BackgroundTask(MOVE.ref(), "FileManagerBgTask", "move", TaskStatus.fromWire(status), status, 100,
                progress, null, null, null, errorType, null, null, null, null, Map.of());
    }
}
