package com.ctera.client.notifications;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The change feed's request bodies, byte for byte as the SDK sends them (protocol §5.6), and answer parsing. */
class FeedJsonTest {

    @Test
    void listBodyIsPrettyPrintedWithIndentFiveInTheSdksKeyOrder() {
        assertThat(text(FeedJson.list(List.of(123L, 124L), null, 2000))).isEqualTo("""
                {
                     "folder_ids": [
                          123,
                          124
                     ],
                     "cursor": null,
                     "max_results": 2000
                }""");
        assertThat(text(FeedJson.list(List.of(), "cursor-2", 100))).isEqualTo("""
                {
                     "folder_ids": [],
                     "cursor": "cursor-2",
                     "max_results": 100
                }""");
    }

    @Test
    void longpollAndAncestorsBodies() {
        assertThat(text(FeedJson.longpoll(List.of(123L), "cursor-2", 10000))).isEqualTo("""
                {
                     "folder_ids": [
                          123
                     ],
                     "cursor": "cursor-2",
                     "timeout": 10000
                }""");
        assertThat(text(FeedJson.ancestors(123, "b7c1"))).isEqualTo("""
                {
                     "folder_id": 123,
                     "guid": "b7c1"
                }""");
    }

    @Test
    void cursorsAreEscapedLikePythonsJsonDumps() {
        assertThat(text(FeedJson.list(List.of(), "a\"b\\é", 1))).contains("\"cursor\": \"a\\\"b\\\\\\u00e9\"");
    }

    @Test
    void readsTheSdksCanonicalListAnswer() {
        String answer = "{\"cursor\":\"c1\",\"has_more\":false,\"entries\":[{\"type\":\"file\",\"guid\":\"b7c1\","
                + "\"folder_id\":123,\"deleted\":false,\"name\":\"a.txt\",\"modified\":\"2024-05-01T10:00:00\","
                + "\"size\":11,\"id\":1001,\"parent_guid\":\"a1\",\"gvsn\":\"g1\",\"file_timestamp\":"
                + "\"2024-05-01T09:59:00\",\"acl\":null,\"virtual_portal_id\":\"50\"}]}";
        ChangeBatch batch = ReactiveNotifications.toBatch(JsonMapper.builder().build().readTree(answer));
        assertThat(batch.cursor()).isEqualTo("c1");
        assertThat(batch.hasMore()).isFalse();
        assertThat(batch.entries()).containsExactly(new ChangeEntry("file", "b7c1", 123L, false, "a.txt",
                "2024-05-01T10:00:00", null, "2024-05-01T09:59:00", 11L, 1001L, null, "g1", "a1", "50"));
        assertThat(batch.entries().get(0).folder()).isFalse();
    }

    @Test
    void anAnswerWithoutACursorIsRejected() {
        assertThatThrownBy(() -> ReactiveNotifications.toBatch(JsonMapper.builder().build().readTree("{\"entries\":[]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor");
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
