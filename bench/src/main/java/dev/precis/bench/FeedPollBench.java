package dev.precis.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.precis.feeds.FeedPoller;
import dev.precis.feeds.FeedReport;
import dev.precis.feeds.PollRound;
import dev.precis.fetch.PageFetcher;
import dev.precis.store.Store;
import dev.precis.store.Stores;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polling benchmark: a local server answers for {@code --hosts} host addresses (127.0.0.1 … 127.0.0.N,
 * all on the loopback interface) and serves {@code --feeds} RSS feeds of {@code --entries} full-text
 * entries, spread evenly over the hosts, with ETag and Last-Modified. Round 1 polls them all into a fresh
 * SQLite store with the default politeness (one request at a time per host, 1 s between); round 2 polls
 * again with nothing new. Prints the per-host request timeline summary and, as the last line, a JSON object.
 *
 * <pre>java -cp bench/target/precis-bench.jar dev.precis.bench.FeedPollBench [--feeds 500] [--entries 20]
 *      [--hosts 50] [--delay-ms 1000] [--timeline]</pre>
 */
public final class FeedPollBench {

    private static final String[] WORDS = ("council budget river bridge school harbour market railway station "
            + "museum library hospital festival election mayor minister court police weather storm farmers "
            + "teachers nurses drivers residents visitors workers students officials engineers").split(" ");

    private record Request(String host, long start, long end) {
    }

    private FeedPollBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int feeds = Integer.parseInt(opt.getOrDefault("--feeds", "500"));
        int entries = Integer.parseInt(opt.getOrDefault("--entries", "20"));
        int hosts = Integer.parseInt(opt.getOrDefault("--hosts", "50"));
        long delayMs = Long.parseLong(opt.getOrDefault("--delay-ms", "1000"));
        boolean timeline = opt.containsKey("--timeline");
        if (hosts < 1 || hosts > 254) {
            throw new IllegalArgumentException("--hosts must be 1..254 (127.0.0.1 … 127.0.0.254)");
        }

        List<byte[]> docs = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            docs.add(feed(f, entries).getBytes(StandardCharsets.UTF_8));
        }
        AtomicInteger served200 = new AtomicInteger();
        AtomicInteger served304 = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/feeds/", ex -> serve(ex, docs, served200, served304));
        server.start();
        int port = server.getAddress().getPort();

        Path data = Files.createTempDirectory("precis-feed-bench");
        List<Request> log = Collections.synchronizedList(new ArrayList<>());
        try (Store store = Stores.open(data.toString(), null)) {
            for (int f = 0; f < feeds; f++) {
                store.addFeed("http://127.0.0." + (f % hosts + 1) + ":" + port + "/feeds/" + f + ".xml", null, null);
            }
            FeedPoller poller = new FeedPoller(store, new PageFetcher(Duration.ofSeconds(30), true),
                    FeedPoller.Settings.DEFAULT.withHostDelay(Duration.ofMillis(delayMs)),
                    (host, start, end) -> log.add(new Request(host, start, end)));
            long t0 = System.nanoTime();
            PollRound first = poller.pollAll();
            List<Request> firstLog = new ArrayList<>(log);
            log.clear();
            int firstServed = served200.get();
            PollRound second = poller.pollAll();
            List<Request> secondLog = new ArrayList<>(log);

            System.out.printf(Locale.ROOT, "feeds %d x %d entries over %d hosts, politeness %d ms, %d cores%n",
                    feeds, entries, hosts, delayMs, Runtime.getRuntime().availableProcessors());
            report("round 1", first);
            Timeline t1 = timeline(firstLog, t0, timeline);
            report("round 2", second);
            Timeline t2 = timeline(secondLog, t0, false);
            System.out.printf(Locale.ROOT, "server answered: round 1 %d x 200; round 2 %d x 200, %d x 304%n",
                    firstServed, served200.get() - firstServed, served304.get());
            System.out.printf(Locale.ROOT,
                    "{\"feeds\":%d,\"entries\":%d,\"hosts\":%d,\"delay_ms\":%d,\"round1_s\":%.2f,\"round1_requests\":%d,"
                            + "\"round1_added\":%d,\"round1_failed\":%d,\"min_gap_ms\":%.1f,\"max_in_flight_per_host\":%d,"
                            + "\"round2_s\":%.2f,\"round2_requests\":%d,\"round2_conditional\":%d,\"round2_304\":%d,"
                            + "\"round2_added\":%d,\"round2_min_gap_ms\":%.1f,\"articles\":%d}%n",
                    feeds, entries, hosts, delayMs, seconds(first), first.requests(), first.added(),
                    first.count(FeedReport.Outcome.FAILED), t1.minGapMs, t1.maxInFlight, seconds(second),
                    second.requests(), second.conditional(), second.notModified(), second.added(), t2.minGapMs,
                    store.stats().articles());
        } finally {
            server.stop(0);
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double seconds(PollRound r) {
        return r.elapsed().toMillis() / 1000.0;
    }

    private static void report(String name, PollRound r) {
        System.out.printf(Locale.ROOT, "%s: %.2f s, %d feeds (%d updated, %d not modified, %d failed), %d requests "
                        + "(%d conditional, %d answered 304), %d articles added%n", name, seconds(r), r.feeds().size(),
                r.count(FeedReport.Outcome.UPDATED), r.count(FeedReport.Outcome.NOT_MODIFIED),
                r.count(FeedReport.Outcome.FAILED), r.requests(), r.conditional(), r.notModified(), r.added());
        r.feeds().stream().filter(f -> f.outcome() == FeedReport.Outcome.FAILED).limit(5)
                .forEach(f -> System.out.println("  failed: " + f.url() + ": " + f.message()));
    }

    private record Timeline(double minGapMs, int maxInFlight) {
    }

    /** Per host: requests, first start and last end (s from the benchmark start), smallest pause, overlap. */
    private static Timeline timeline(List<Request> log, long t0, boolean perHost) {
        Map<String, List<Request>> byHost = new TreeMap<>();
        for (Request r : log) {
            byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
        }
        double minGap = Double.MAX_VALUE;
        int maxInFlight = 0;
        int minRequests = Integer.MAX_VALUE;
        int maxRequests = 0;
        double lastEnd = 0;
        for (var e : byHost.entrySet()) {
            List<Request> rs = e.getValue();
            rs.sort((a, b) -> Long.compare(a.start(), b.start()));
            double hostGap = Double.MAX_VALUE;
            int inFlight = 1;
            for (int i = 1; i < rs.size(); i++) {
                long gap = rs.get(i).start() - rs.get(i - 1).end();
                if (gap < 0) {
                    inFlight++;
                }
                hostGap = Math.min(hostGap, gap / 1e6);
            }
            minGap = Math.min(minGap, hostGap);
            maxInFlight = Math.max(maxInFlight, inFlight);
            minRequests = Math.min(minRequests, rs.size());
            maxRequests = Math.max(maxRequests, rs.size());
            double first = (rs.get(0).start() - t0) / 1e9;
            double last = (rs.get(rs.size() - 1).end() - t0) / 1e9;
            lastEnd = Math.max(lastEnd, last);
            if (perHost) {
                StringBuilder marks = new StringBuilder();
                for (Request r : rs) {
                    marks.append(String.format(Locale.ROOT, " %.2f", (r.start() - t0) / 1e9));
                }
                System.out.printf(Locale.ROOT, "  %-12s %3d requests, %.2f–%.2f s, min pause %.0f ms, starts:%s%n",
                        e.getKey(), rs.size(), first, last, hostGap == Double.MAX_VALUE ? 0 : hostGap, marks);
            }
        }
        System.out.printf(Locale.ROOT, "  timeline: %d hosts, %d–%d requests per host, smallest pause between two "
                        + "requests to one host %.1f ms, at most %d in flight per host, last request ended at %.2f s%n",
                byHost.size(), minRequests == Integer.MAX_VALUE ? 0 : minRequests, maxRequests,
                minGap == Double.MAX_VALUE ? 0 : minGap, maxInFlight, lastEnd);
        return new Timeline(minGap == Double.MAX_VALUE ? 0 : minGap, maxInFlight);
    }

    private static void serve(HttpExchange ex, List<byte[]> docs, AtomicInteger ok, AtomicInteger notModified)
            throws IOException {
        try (ex) {
            String name = ex.getRequestURI().getPath().substring("/feeds/".length());
            int n;
            try {
                n = Integer.parseInt(name.replace(".xml", ""));
            } catch (NumberFormatException e) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (n < 0 || n >= docs.size()) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"f" + n + "-v1\"";
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT");
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ok.incrementAndGet();
            byte[] body = docs.get(n);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Feed {@code f}: entries of four paragraphs of made-up local news, distinct per feed and entry. */
    static String feed(int f, int entries) {
        Random random = new Random(f);
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Local Ledger ").append(f).append("</title><link>http://ledger").append(f)
                .append(".test/</link><ttl>60</ttl>");
        for (int e = 0; e < entries; e++) {
            String topic = WORDS[random.nextInt(WORDS.length)];
            doc.append("<item><guid>ledger-").append(f).append('-').append(e).append("</guid><link>http://ledger")
                    .append(f).append(".test/").append(e).append("</link><title>The ").append(topic)
                    .append(" story number ").append(e).append(" of feed ").append(f).append("</title>")
                    .append("<pubDate>Tue, 05 Mar 2024 09:").append(String.format("%02d", e % 60))
                    .append(":00 GMT</pubDate><description><![CDATA[");
            for (int p = 0; p < 4; p++) {
                doc.append("<p>");
                for (int s = 0; s < 3; s++) {
                    doc.append("The ").append(WORDS[random.nextInt(WORDS.length)]).append(" of district ")
                            .append(f).append(" said on day ").append(e * 10 + p).append(" that the ")
                            .append(WORDS[random.nextInt(WORDS.length)]).append(" and the ")
                            .append(WORDS[random.nextInt(WORDS.length)]).append(" would meet again after the ")
                            .append(WORDS[random.nextInt(WORDS.length)]).append(" report number ")
                            .append(random.nextInt(100000)).append(" was published. ");
                }
                doc.append("</p>");
            }
            doc.append("]]></description></item>");
        }
        return doc.append("</channel></rss>").toString();
    }

    /** {@code --name value} pairs (and the {@code --timeline} flag). */
    static Map<String, String> options(String[] args) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--timeline")) {
                out.put(args[i], "");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                out.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return out;
    }
}
