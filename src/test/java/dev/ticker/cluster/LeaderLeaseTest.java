package dev.ticker.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lease logic on a fake clock: one leader at a time, takeover within ttl + round, and the bounds on both. */
class LeaderLeaseTest {

    private static final Duration TTL = Duration.ofMillis(3_000);
    private static final Duration MARGIN = Duration.ofMillis(500);
    private static final long ROUND = 1_000;

    private final FakeClock clock = new FakeClock();
    private final FakeLeaseStore store = new FakeLeaseStore(clock);
    private final LeaderLease<Integer> a = lease("a");
    private final LeaderLease<Integer> b = lease("b");

    @Test
    void firstNodeToAskLeadsAndTheOtherFollows() {
        a.run();
        b.run();

        assertEquals(1, a.current());
        assertNull(b.current());
    }

    @Test
    void leaderThatRenewsEveryRoundKeepsLeadingInTheSameTerm() {
        a.run();
        for (int i = 0; i < 100; i++) {
            clock.advance(ROUND);
            a.run();
            b.run();
        }

        assertEquals(1, a.current(), "still the first term");
        assertNull(b.current());
    }

    @Test
    void deadLeaderIsReplacedWithinTtlPlusARoundAndNeverTwoLeadAtOnce() {
        a.run();
        long lastRenewal = clock.millis();
        long takeover = -1;
        // a dies now (never runs again, but its clock-based view is still asked); b keeps doing its rounds.
        for (long t = 0; t <= 10_000 && takeover < 0; t += 10) {
            clock.advance(10);
            if (t % ROUND == 0) {
                b.run();
            }
            assertFalse(a.current() != null && b.current() != null, "two leaders at " + t + " ms");
            if (b.current() != null) {
                takeover = clock.millis() - lastRenewal;
            }
        }

        assertTrue(takeover >= TTL.toMillis(), "not before the lease expired: " + takeover);
        assertTrue(takeover <= TTL.toMillis() + ROUND, "within ttl + round: " + takeover);
        assertEquals(2, b.current(), "a new term");
    }

    @Test
    void leaderCutOffFromTheStoreStopsLeadingBeforeAnyoneCanTakeOver() {
        a.run();
        clock.advance(ROUND);
        a.run();
        long lastRenewal = clock.millis();
        store.unreachable = true;

        clock.advance(TTL.toMillis() - MARGIN.toMillis() - 1);
        a.run();
        assertNotNull(a.current(), "leads while its last renewal is surely still valid");
        clock.advance(1);
        assertNull(a.current(), "stops at ttl - margin after its last renewal, whatever the store says");
        assertEquals("a", store.holder(), "while the store still counts it as leader");

        store.unreachable = false;
        clock.advance(lastRenewal + TTL.toMillis() - clock.millis());
        b.run();
        assertEquals(2, b.current());
    }

    @Test
    void leaderWhoseLeaseWasTakenStepsDownAtItsNextRenewal() {
        a.run();
        clock.advance(TTL.toMillis());   // a stalled for a whole ttl: the lease expired in the store
        b.run();
        assertEquals(2, b.current());

        a.run();

        assertNull(a.current());
        assertEquals(2, b.current());
    }

    @Test
    void releaseHandsTheLeadOverAtTheNextRoundOfAnother() {
        a.run();
        a.release();
        b.run();

        assertNull(a.current());
        assertEquals(2, b.current());
    }

    @Test
    void lostEndsOnlyTheTermItNames() {
        a.run();
        a.lost(99);
        assertEquals(1, a.current());

        a.lost(1);

        assertNull(a.current());
    }

    @Test
    void nodesStartingTogetherElectExactlyOne() {
        List<LeaderLease<Integer>> nodes = List.of(a, b, lease("c"), lease("d"));
        for (int round = 0; round < 20; round++) {
            nodes.forEach(LeaderLease::run);
            assertEquals(1, nodes.stream().filter(node -> node.current() != null).count(), "leaders in round " + round);
            clock.advance(ROUND);
        }
    }

    private LeaderLease<Integer> lease(String node) {
        return new LeaderLease<>(store, node, TTL, MARGIN, clock);
    }
}
