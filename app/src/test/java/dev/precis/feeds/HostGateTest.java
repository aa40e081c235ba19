package dev.precis.feeds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostGateTest {

    record Request(String host, long start, long end) {
    }

    @Test
    void anAbandonedPassIsNoRequestAndKeepsThePauseOfTheLastOne() throws Exception {
        List<Request> log = Collections.synchronizedList(new ArrayList<>());
        HostGate gate = new HostGate(Duration.ofMillis(300), (h, s, e) -> log.add(new Request(h, s, e)));
        gate.enter("a.test").close();
        long requestEnd = log.getFirst().end();
        gate.enter("a.test").abandon();
        long abandoned = System.nanoTime();
        try (HostGate.Pass pass = gate.enter("a.test")) {
            long waited = System.nanoTime() - abandoned;
            assertTrue(waited < Duration.ofMillis(150).toNanos(), "no second pause after an abandoned pass: " + waited / 1_000_000 + " ms");
        }
        assertEquals(2, log.size(), "the abandoned pass was no request");
        assertTrue(log.get(1).start() - requestEnd >= Duration.ofMillis(300).toNanos());
    }

    @Test
    void oneRequestAtATimePerHostWithAPauseBetween() throws Exception {
        List<Request> log = Collections.synchronizedList(new ArrayList<>());
        HostGate gate = new HostGate(Duration.ofMillis(100), (h, s, e) -> log.add(new Request(h, s, e)));
        AtomicInteger inA = new AtomicInteger();
        AtomicInteger maxInA = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String host = i % 2 == 0 ? "a.test" : "B.test";
            threads.add(Thread.ofVirtual().start(() -> {
                try (HostGate.Pass pass = gate.enter(host)) {
                    if (host.equals("a.test")) {
                        maxInA.accumulateAndGet(inA.incrementAndGet(), Math::max);
                    }
                    Thread.sleep(20);
                    if (host.equals("a.test")) {
                        inA.decrementAndGet();
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, maxInA.get());
        assertEquals(8, log.size());
        for (String host : List.of("a.test", "b.test")) {
            List<Request> mine = log.stream().filter(r -> r.host().equals(host))
                    .sorted((x, y) -> Long.compare(x.start(), y.start())).toList();
            assertEquals(4, mine.size());
            for (int i = 1; i < mine.size(); i++) {
                long gap = mine.get(i).start() - mine.get(i - 1).end();
                assertTrue(gap >= Duration.ofMillis(100).toNanos(), host + " gap " + gap);
            }
        }
        // The two hosts were served side by side, not one after the other.
        long aStart = log.stream().filter(r -> r.host().equals("a.test")).mapToLong(Request::start).min().orElseThrow();
        long bStart = log.stream().filter(r -> r.host().equals("b.test")).mapToLong(Request::start).min().orElseThrow();
        assertTrue(Math.abs(aStart - bStart) < Duration.ofMillis(100).toNanos());
    }
}
