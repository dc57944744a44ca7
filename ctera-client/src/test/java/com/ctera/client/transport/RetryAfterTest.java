package com.ctera.client.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("2", this.clock)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(" 120 ", this.clock)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 09:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableIsNull() {
        assertThat(RetryAfter.parse(null, this.clock)).isNull();
        assertThat(RetryAfter.parse("", this.clock)).isNull();
        assertThat(RetryAfter.parse("soon", this.clock)).isNull();
        assertThat(RetryAfter.parse("-5", this.clock)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999999", this.clock)).isNull();
    }
}
