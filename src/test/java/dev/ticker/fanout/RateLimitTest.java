package dev.ticker.fanout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsABurstOfTheRateThenRefuses() {
        RateLimit limit = new RateLimit(5, 0);
        for (int i = 0; i < 5; i++) {
            assertTrue(limit.tryTake(0), "event " + i);
        }
        assertFalse(limit.tryTake(0));
    }

    @Test
    void refillsAtTheRate() {
        RateLimit limit = new RateLimit(4, 0);
        for (int i = 0; i < 4; i++) {
            limit.tryTake(0);
        }
        assertFalse(limit.tryTake(SECOND / 8), "half a token after an eighth of a second");
        assertTrue(limit.tryTake(SECOND / 4));
        assertFalse(limit.tryTake(SECOND / 4));
    }

    @Test
    void aSteadyClientAtTheRateIsNeverRefused() {
        RateLimit limit = new RateLimit(20, 0);
        for (long t = 0; t < 10 * SECOND; t += SECOND / 20) {
            assertTrue(limit.tryTake(t), "at " + t);
        }
    }

    @Test
    void idleTimeDoesNotBankMoreThanOneBurst() {
        RateLimit limit = new RateLimit(3, 0);
        long later = 3600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryTake(later));
        }
        assertFalse(limit.tryTake(later));
    }
}
