package com.ctera.client.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Owners in {@link EventFilter}: any case, unknown owners never match, and the other criteria still apply. */
class EventFilterTest {

    private static CteraChangeEvent event(EventType type, String path, String owner) {
        return new CteraChangeEvent("evt_1", "main", type, 7, "g1", "a.txt", path, 1L, null, Instant.EPOCH, owner);
    }

    @Test
    void ownersMatchIgnoringCaseAndSpaceAround() {
        EventFilter filter = EventFilter.owners(" alice wonderland ");
        assertThat(filter.needsOwner()).isTrue();
        assertThat(filter.needsPath()).isFalse();
        assertThat(filter.matches(event(EventType.FILE_CREATED, "My Files/a.txt", "Alice Wonderland"))).isTrue();
        assertThat(filter.matches(event(EventType.FILE_CREATED, "My Files/a.txt", "Bob Builder"))).isFalse();
        assertThat(filter.matches(event(EventType.FILE_CREATED, "My Files/a.txt", "Bob Builder").withOwner(null)))
            .as("an event whose owner was not looked up").isFalse();
    }

    @Test
    void ownersCombineWithTypesAndPaths() {
        EventFilter filter = new EventFilter(Set.of(EventType.FILE_DELETED), List.of("My Files/finance/**"),
                Set.of(), Set.of("Alice Wonderland"));
        assertThat(filter.matches(event(EventType.FILE_DELETED, "My Files/finance/q1.xlsx", "alice wonderland")))
            .isTrue();
        assertThat(filter.matches(event(EventType.FILE_CREATED, "My Files/finance/q1.xlsx", "Alice Wonderland")))
            .isFalse();
        assertThat(filter.matches(event(EventType.FILE_DELETED, "My Files/hr/x.txt", "Alice Wonderland"))).isFalse();
    }

    @Test
    void withoutOwnersEveryOwnerPasses() {
        EventFilter filter = new EventFilter(Set.of(), List.of(), Set.of());
        assertThat(filter.needsOwner()).isFalse();
        assertThat(filter.matches(event(EventType.FILE_CREATED, "x", "Anyone"))).isTrue();
        assertThat(EventFilter.ALL.matches(event(EventType.FILE_CREATED, "x", "Anyone").withOwner(null))).isTrue();
    }

    @Test
    void aBlankOwnerIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventFilter.owners(" "))
            .withMessageContaining("owner");
    }
}
