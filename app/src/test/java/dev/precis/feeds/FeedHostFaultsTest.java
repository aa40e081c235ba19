package dev.precis.feeds;

import dev.precis.fetch.FaultyHost;
import dev.precis.fetch.PageFetcher;
import dev.precis.fetch.TestWeb;
import dev.precis.store.Store;
import dev.precis.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feed hosts that go wrong in the ways real ones do, each on an address of its own: one accepts and
 * never answers, one resets every connection, one trickles its answer a byte a second. Each serves
 * three feeds. The good host's feeds are all stored before the first fault has even timed out, and
 * the whole round takes about one fetch time limit, not one per feed of a bad host.
 */
class FeedHostFaultsTest {

    private static final Duration LIMIT = Duration.ofSeconds(4);

    @TempDir
    Path dir;

    private record Request(String host, long start, long end) {
    }

    @Test
    void aHostThatHangsResetsOrTricklesNeverHoldsUpTheOtherFeedsOrTheRound() throws Exception {
        List<Request> requests = Collections.synchronizedList(new ArrayList<>());
        try (TestWeb good = TestWeb.start();
             FaultyHost hang = FaultyHost.start("127.0.0.2", FaultyHost.Fault.HANG);
             FaultyHost reset = FaultyHost.start("127.0.0.3", FaultyHost.Fault.RESET);
             FaultyHost trickle = FaultyHost.start("127.0.0.4", FaultyHost.Fault.TRICKLE);
             Store store = Stores.open(dir.resolve("data").toString(), null);
             FeedPoller poller = new FeedPoller(store, new PageFetcher(LIMIT, true),
                     FeedPoller.Settings.DEFAULT.withHostDelay(Duration.ofMillis(50)),
                     (host, s, e) -> requests.add(new Request(host, s, e)))) {
            for (int f = 0; f < 6; f++) {
                String items = FeedPollerTest.item("g" + f, good.url("/a/" + f), "Good " + f, FeedPollerTest.body("harbour " + f, 6));
                good.page("/feed/" + f, "application/rss+xml", FeedPollerTest.rss("Good " + f, items));
                store.addFeed(good.url("/feed/" + f), null, null);
            }
            for (FaultyHost bad : List.of(hang, reset, trickle)) {
                for (int f = 0; f < 3; f++) {
                    store.addFeed(bad.url("/feed/" + f), null, null);
                }
            }
            long start = System.nanoTime();
            PollRound round = poller.pollAll();
            long roundMs = (System.nanoTime() - start) / 1_000_000;

            Map<String, FeedReport> byUrl = new java.util.HashMap<>();
            round.feeds().forEach(r -> byUrl.put(r.url(), r));
            for (int f = 0; f < 6; f++) {
                FeedReport r = byUrl.get(good.url("/feed/" + f));
                assertEquals(FeedReport.Outcome.UPDATED, r.outcome(), r.message());
                assertEquals(1, r.added());
            }
            assertEquals(6, store.stats().articles());
            long goodDone = requests.stream().filter(r -> r.host().equals("127.0.0.1")).mapToLong(Request::end).max().orElseThrow();
            assertTrue(goodDone - start < LIMIT.toNanos(), "the good host's feeds were fetched before any fault timed out: "
                    + (goodDone - start) / 1_000_000 + " ms");

            for (FaultyHost bad : List.of(hang, reset, trickle)) {
                List<String> messages = new ArrayList<>();
                for (int f = 0; f < 3; f++) {
                    FeedReport r = byUrl.get(bad.url("/feed/" + f));
                    assertEquals(FeedReport.Outcome.FAILED, r.outcome(), r.message());
                    messages.add(r.message());
                    assertEquals(r.message(), store.feed(r.feedId()).orElseThrow().lastError());
                }
                String all = String.join(" | ", messages);
                if (bad == reset) {
                    assertTrue(messages.stream().allMatch(m -> m.contains("reset") || m.contains("not tried")), all);
                } else {
                    assertEquals(1, messages.stream().filter(m -> m.equals("timed out after 4 s")).count(), all);
                    assertEquals(2, messages.stream().filter(m -> m.startsWith("not tried: " + java.net.URI.create(bad.url("/")).getHost()
                            + " did not answer a moment ago (timed out after 4 s)")).count(), all);
                    assertEquals(1, bad.connections(), "one connection to a silent host per round: " + all);
                }
            }
            assertTrue(roundMs < LIMIT.toMillis() * 2, "the round took about one time limit: " + roundMs + " ms");
        }
    }
}
