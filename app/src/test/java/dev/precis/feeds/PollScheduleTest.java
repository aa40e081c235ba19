package dev.precis.feeds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PollScheduleTest {

    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final PollSchedule S = PollSchedule.DEFAULT;

    @Test
    void successHonoursTtlAndMaxAgeWithinBounds() {
        Duration hour = Duration.ofHours(1);
        assertEquals(NOW.plus(hour), S.afterSuccess(NOW, hour, null, null));
        assertEquals(NOW.plus(Duration.ofMinutes(90)), S.afterSuccess(NOW, hour, Duration.ofMinutes(90), null));
        assertEquals(NOW.plus(Duration.ofHours(3)), S.afterSuccess(NOW, hour, null, Duration.ofHours(3)));
        assertEquals(NOW.plus(hour), S.afterSuccess(NOW, hour, Duration.ofMinutes(1), Duration.ofSeconds(10)));
        assertEquals(NOW.plus(Duration.ofDays(1)), S.afterSuccess(NOW, hour, Duration.ofDays(30), null));
        assertEquals(NOW.plus(Duration.ofMinutes(5)), S.afterSuccess(NOW, Duration.ofSeconds(1), null, null));
    }

    @Test
    void errorsBackOffExponentiallyCappedAndHonourRetryAfter() {
        assertEquals(NOW.plus(Duration.ofMinutes(5)), S.afterError(NOW, 1, null));
        assertEquals(NOW.plus(Duration.ofMinutes(10)), S.afterError(NOW, 2, null));
        assertEquals(NOW.plus(Duration.ofMinutes(40)), S.afterError(NOW, 4, null));
        assertEquals(NOW.plus(Duration.ofDays(1)), S.afterError(NOW, 12, null));
        assertEquals(NOW.plus(Duration.ofDays(1)), S.afterError(NOW, 1000, null));
        assertEquals(NOW.plus(Duration.ofHours(2)), S.afterError(NOW, 1, Duration.ofHours(2)));
        assertEquals(NOW.plus(Duration.ofMinutes(10)), S.afterError(NOW, 2, Duration.ofSeconds(30)));
    }

    @Test
    void readsCacheControlAndRetryAfterHeaders() {
        assertEquals(Duration.ofSeconds(600), PollSchedule.maxAge("public, max-age=600"));
        assertEquals(Duration.ofSeconds(60), PollSchedule.maxAge("s-maxage=900, max-age=60"));
        assertEquals(Duration.ofSeconds(900), PollSchedule.maxAge("public, s-maxage=900"));
        assertNull(PollSchedule.maxAge("no-cache"));
        assertNull(PollSchedule.maxAge(null));
        assertEquals(Duration.ofSeconds(120), PollSchedule.retryAfter("120", NOW));
        assertEquals(Duration.ofHours(1), PollSchedule.retryAfter("Tue, 05 Mar 2024 13:00:00 GMT", NOW));
        assertNull(PollSchedule.retryAfter("soon", NOW));
    }
}
