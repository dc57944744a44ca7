package com.ctera.client.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Task references as in protocol §5.9. */
class TaskRefTest {

    @Test
    void parsesTheReferenceOfTheSdkTests() {
        TaskRef task = TaskRef.parse("servers/MainDB/bgTasks/918908");
        assertThat(task.server()).isEqualTo("MainDB");
        assertThat(task.id()).isEqualTo(918908L);
        assertThat(task.path()).isEqualTo("servers/MainDB/bgTasks/918908");
        assertThat(task).hasToString("servers/MainDB/bgTasks/918908");
    }

    @Test
    void onlyTheEndingCountsLikeTheSdksRegex() {
        assertThat(TaskRef.parse("/admin/api/servers/MainDB/bgTasks/7")).isEqualTo(new TaskRef("MainDB", 7));
        assertThat(TaskRef.parse("servers//bgTasks/1")).isEqualTo(new TaskRef("", 1));
        assertThat(TaskRef.isReference("servers/MainDB/bgTasks/918908")).isTrue();
        assertThat(TaskRef.isReference("FileWithTheSameNameExist")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Ok", "servers/MainDB/bgTasks/0", "servers/MainDB/bgTasks/012",
            "servers/MainDB/bgTasks/918908/", "servers/MainDB/bgTasks/abc", "servers/a/b/bgTasks/1",
            "servers/MainDB/bgTasks/99999999999999999999" })
    void anythingElseIsMalformed(String text) {
        assertThatThrownBy(() -> TaskRef.parse(text))
            .isInstanceOf(MalformedXmlException.class)
            .hasMessageStartingWith("expected a background task");
    }

    @Test
    void theConstructorChecksItsParts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TaskRef("a/b", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new TaskRef("MainDB", 0));
    }
}
