package dev.precis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.precis.store.Store;
import dev.precis.store.Stores;
import dev.precis.store.bench.BenchCorpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A soak test of {@code precis serve}: a store of a few thousand articles (generated at run time
 * from a JSONL dataset by {@link BenchCorpus} and ingested by {@code precis ingest}), the server
 * ({@code app/target/precis.jar}) in a child JVM with GC logging, and for {@code --minutes} minutes {@code --clients} clients, each
 * on its own keep-alive connection, sending page views (front, story, article, feeds), summaries
 * (API) and searches (page and API) at a fixed total {@code --rate} (open loop: latency counts from
 * each request's intended send time, so a stall is not hidden). Meanwhile the serve process polls
 * feeds: a local feed server answers for {@code --hosts} loopback addresses, and every minute new
 * feeds are subscribed through the API (an OPML import, picked up by serve's background poller,
 * and one feed added with an immediate first poll), each with {@code --entries} new articles.
 *
 * <p>Every 5 s the serve process's open file descriptors ({@code /proc/PID/fd}) and threads are
 * sampled; its GC log gives the heap in use after each collection. Prints one row per minute
 * (requests, errors, p50/p99 latency, heap after GC, descriptors, threads) and, last, one JSON
 * object. The first {@code --warmup} seconds of load (JIT compilation, caches filling) are not
 * counted. Every request's due time, kind, latency and status go to {@code requests.csv} in the work folder.
 *
 * <pre>
 * java -cp bench/target/precis-bench.jar dev.precis.bench.ServeLoad [--data FILE.jsonl] [--articles 3000]
 *      [--clients 200] [--rate 200] [--minutes 10] [--feeds-per-minute 5] [--entries 20] [--hosts 10]
 *      [--heap 512m] [--warmup 30] [--work DIR] [--precis-jar app/target/precis.jar]
 * </pre>
 */
public final class ServeLoad {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final String[] SEARCH_WORDS = {"police", "government", "president", "court", "school", "football",
            "minister", "election", "hospital", "weather", "storm", "market", "bank", "airport", "family", "war",
            "health", "budget", "city", "fire", "children", "world", "report", "officials", "company", "music"};

    /** A kind of request the clients send, with its share of the traffic. */
    private enum Kind {
        FRONT(15), STORY(10), ARTICLE(25), SUMMARY(20), SEARCH_PAGE(8), SEARCH_API(12), FEEDS(5), FEED_ARTICLES(5);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /**
     * One request's outcome: when it was due (ns from the start of the load), its kind, latency from
     * that intended send time, and status (-1: no answer).
     */
    private record Sample(long due, Kind kind, long nanos, int status) {
        int minute() {
            return (int) (due / MINUTE);
        }
    }

    /** A reading of the serve process. */
    private record Probe(long at, long fds, long threads, long rssKb, double loadAverage) {
    }

    private ServeLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = FeedPollBench.options(args);
        Path data = Path.of(opt.getOrDefault("--data", "../shared/data/summarization/cnndm-dev.jsonl"));
        int articles = Integer.parseInt(opt.getOrDefault("--articles", "3000"));
        int clients = Integer.parseInt(opt.getOrDefault("--clients", "200"));
        double rate = Double.parseDouble(opt.getOrDefault("--rate", "200"));
        int minutes = Integer.parseInt(opt.getOrDefault("--minutes", "10"));
        int feedsPerMinute = Integer.parseInt(opt.getOrDefault("--feeds-per-minute", "5"));
        int entries = Integer.parseInt(opt.getOrDefault("--entries", "20"));
        int hosts = Integer.parseInt(opt.getOrDefault("--hosts", "10"));
        String heap = opt.getOrDefault("--heap", "512m");
        long warmup = TimeUnit.SECONDS.toNanos(Long.parseLong(opt.getOrDefault("--warmup", "30")));
        Path precisJar = Path.of(opt.getOrDefault("--precis-jar", "app/target/precis.jar"));
        if (!Files.isRegularFile(precisJar)) {
            throw new IllegalArgumentException(precisJar + ": no such file (run from the project root after './precis build', or give --precis-jar)");
        }
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException(data + ": no such dataset (give --data FILE.jsonl)");
        }
        if (hosts < 1 || hosts > 254 || feedsPerMinute < 1 || clients < 1 || rate <= 0 || minutes < 1) {
            throw new IllegalArgumentException("--hosts 1..254; --feeds-per-minute, --clients, --rate, --minutes at least 1");
        }
        Path work = opt.containsKey("--work") ? Files.createDirectories(Path.of(opt.get("--work")))
                : Files.createTempDirectory("precis-serve-load");
        Path store = work.resolve("store");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Path corpus = work.resolve("corpus.jsonl");
        BenchCorpus.main(new String[]{data.toString(), String.valueOf(articles), corpus.toString()});
        log("ingesting %d articles into %s", articles, store);
        Process ingest = new ProcessBuilder(java, "-jar", precisJar.toString(), "ingest", corpus.toString(), "--data", store.toString(), "--json")
                .redirectErrorStream(true).redirectOutput(work.resolve("ingest.log").toFile()).start();
        if (ingest.waitFor() != 0) {
            throw new IllegalStateException("ingest failed: " + Files.readString(work.resolve("ingest.log")));
        }
        List<String> ingestLog = Files.readAllLines(work.resolve("ingest.log"));
        log("%s", ingestLog.get(ingestLog.size() - 1));

        FeedSite site = FeedSite.start(entries);
        AtomicInteger nextFeed = new AtomicInteger();
        try (Store s = Stores.open(store.toString(), null)) {
            for (int i = 0; i < feedsPerMinute; i++) {
                s.addFeed(site.url(nextFeed.getAndIncrement(), hosts), null, null);
            }
        }

        Path gcLog = work.resolve("gc.log");
        long launched = System.nanoTime();
        Process serve = new ProcessBuilder(java, "-Xmx" + heap, "-Xlog:gc:file=" + gcLog + ":uptime",
                "-jar", precisJar.toString(), "serve", "--data", store.toString(), "--port", "0", "--allow-private-hosts")
                .redirectError(work.resolve("serve.err").toFile()).start();
        List<Probe> probes = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<String> feedActions = new CopyOnWriteArrayList<>();
        try {
            URI base = URI.create(readyUrl(serve, work));
            log("serve (pid %d) at %s; load: %d clients, %.0f requests/s, %d s warm-up then %d min; %d new feeds/min of %d entries on %d hosts",
                    serve.pid(), base, clients, rate, warmup / 1_000_000_000L, minutes, feedsPerMinute, entries, hosts);
            Targets targets = new Targets(base);
            targets.refresh();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200) + warmup;
            long end = start + minutes * MINUTE;
            Thread sampler = Thread.ofPlatform().daemon().start(() -> sample(serve.pid(), probes, end));
            Thread refresher = Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    sleepNanos(TimeUnit.SECONDS.toNanos(10));
                    targets.refresh();
                }
            });
            Thread subscriber = Thread.ofVirtual().start(() -> {
                for (int m = 0; m < minutes; m++) {
                    long at = start + m * MINUTE + MINUTE / 2;
                    sleepNanos(at - System.nanoTime());
                    feedActions.add(subscribe(base, site, nextFeed, feedsPerMinute, hosts, m + 1));
                }
            });
            List<Thread> workers = new ArrayList<>();
            double perClient = rate / clients;
            long interval = (long) (1e9 / perClient);
            for (int c = 0; c < clients; c++) {
                long first = start - warmup + (long) (c * (1e9 / rate));
                long seed = c;
                workers.add(Thread.ofVirtual().start(() -> client(base, targets, first, interval, end, start, new Random(seed), samples)));
            }
            for (Thread t : workers) {
                t.join();
            }
            refresher.join();
            subscriber.join();
            sampler.join();
            report(samples.stream().filter(x -> x.due() >= 0).toList(), probes.stream().filter(p -> p.at() >= start).toList(),
                    start, gcLog, (start - launched) / 1e9, minutes, feedActions, base, work, rate, clients);
        } finally {
            serve.destroy();
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
            site.close();
        }
    }

    /** One client: its own connection, a request every {@code interval} from {@code first} until {@code end}. */
    private static void client(URI base, Targets targets, long first, long interval, long end, long start, Random random,
                               ConcurrentLinkedQueue<Sample> samples) {
        OpenLoopLoad.Connection conn = null;
        String host = base.getHost() + ":" + base.getPort();
        for (long intended = first; intended < end; intended += interval) {
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Kind kind = pick(random);
            String path = targets.path(kind, random);
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: "
                    + (path.startsWith("/api/") ? "application/json" : "text/html") + "\r\nUser-Agent: precis-serve-load\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            int status;
            try {
                if (conn == null) {
                    conn = new OpenLoopLoad.Connection(base.getHost(), base.getPort());
                }
                status = conn.exchange(request);
            } catch (IOException | RuntimeException e) {
                status = -1;
                if (conn != null) {
                    conn.close();
                }
                conn = null;
            }
            samples.add(new Sample(intended - start, kind, System.nanoTime() - intended, status));
        }
        if (conn != null) {
            conn.close();
        }
    }

    private static Kind pick(Random random) {
        int total = Arrays.stream(Kind.values()).mapToInt(k -> k.weight).sum();
        int r = random.nextInt(total);
        for (Kind k : Kind.values()) {
            r -= k.weight;
            if (r < 0) {
                return k;
            }
        }
        return Kind.FRONT;
    }

    /** What the clients ask for: article, story and feed ids as the server lists them, refreshed every 10 s. */
    private static final class Targets {
        private final URI base;
        private final HttpClient http = HttpClient.newHttpClient();
        private final ObjectMapper json = new ObjectMapper();
        private volatile long maxArticle = 1;
        private volatile List<Long> stories = List.of();
        private volatile List<Long> feeds = List.of();

        Targets(URI base) {
            this.base = base;
        }

        void refresh() {
            try {
                JsonNode a = get("/api/v1/articles?limit=1");
                if (a.path("items").size() > 0) {
                    maxArticle = a.path("items").get(0).path("id").asLong(maxArticle);
                }
                stories = ids(get("/api/v1/stories?limit=100"));
                feeds = ids(get("/api/v1/feeds"));
            } catch (IOException | RuntimeException e) {
                log("could not refresh the targets: %s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static List<Long> ids(JsonNode list) {
            List<Long> out = new ArrayList<>();
            list.path("items").forEach(n -> out.add(n.path("id").asLong()));
            return out;
        }

        private JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(path + ": HTTP " + r.statusCode());
            }
            return json.readTree(r.body());
        }

        String path(Kind kind, Random random) {
            long article = 1 + (long) (random.nextDouble() * maxArticle);
            String word = SEARCH_WORDS[random.nextInt(SEARCH_WORDS.length)];
            String query = random.nextInt(3) == 0 ? word + "+" + SEARCH_WORDS[random.nextInt(SEARCH_WORDS.length)] : word;
            List<Long> s = stories;
            List<Long> f = feeds;
            return switch (kind) {
                case FRONT -> random.nextInt(4) == 0 ? "/?page=2" : "/";
                case STORY -> s.isEmpty() ? "/" : "/stories/" + s.get(random.nextInt(s.size()));
                case ARTICLE -> "/articles/" + article + "?from=front:1";
                case SUMMARY -> "/api/v1/articles/" + article + "/summary?sentences=3";
                case SEARCH_PAGE -> "/search?q=" + query;
                case SEARCH_API -> "/api/v1/search?q=" + query + "&limit=10";
                case FEEDS -> "/feeds";
                case FEED_ARTICLES -> f.isEmpty() ? "/feeds" : "/feeds/" + f.get(random.nextInt(f.size())) + "/articles";
            };
        }
    }

    /**
     * Subscribes to new feeds through the API: all but one in an OPML import (the background poller
     * fetches them within its minute), the last one added alone (fetched at once). Returns what happened.
     */
    private static String subscribe(URI base, FeedSite site, AtomicInteger nextFeed, int count, int hosts, int minute) {
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>load</title></head><body>");
        for (int i = 0; i < count - 1; i++) {
            opml.append("<outline type=\"rss\" text=\"Load feed\" xmlUrl=\"").append(site.url(nextFeed.getAndIncrement(), hosts))
                    .append("\"/>");
        }
        opml.append("</body></opml>");
        String one = site.url(nextFeed.getAndIncrement(), hosts);
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/feeds/import"))
                    .header("Content-Type", "text/x-opml").POST(HttpRequest.BodyPublishers.ofString(opml.toString()))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/feeds"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + one + "\"}"))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            long t2 = System.nanoTime();
            return String.format(Locale.ROOT, "minute %d: OPML import of %d feeds HTTP %d in %.0f ms; one feed added and polled HTTP %d in %.0f ms",
                    minute, count - 1, imported.statusCode(), (t1 - t0) / 1e6, added.statusCode(), (t2 - t1) / 1e6);
        } catch (IOException e) {
            return "minute " + minute + ": subscribing failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "minute " + minute + ": interrupted";
        }
    }

    /** The serve process's descriptors, threads and resident size, every 5 s until {@code end}. */
    private static void sample(long pid, List<Probe> probes, long end) {
        Path proc = Path.of("/proc", String.valueOf(pid));
        while (System.nanoTime() < end + TimeUnit.SECONDS.toNanos(1)) {
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                long fd = fds.count();
                long threads = 0;
                long rss = 0;
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("Threads:")) {
                        threads = Long.parseLong(line.substring(8).strip());
                    } else if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.substring(6).replace("kB", "").strip());
                    }
                }
                double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                probes.add(new Probe(System.nanoTime(), fd, threads, rss, load));
            } catch (IOException e) {
                return;
            }
            sleepNanos(TimeUnit.SECONDS.toNanos(5));
        }
    }

    private static final Pattern GC_LINE = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s].*\\bPause\\b.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private static void report(List<Sample> all, List<Probe> probes, long start, Path gcLog, double loadStartUptime,
                               int minutes, List<String> feedActions, URI base, Path work, double rate, int clients)
            throws IOException, InterruptedException {
        try (var csv = Files.newBufferedWriter(work.resolve("requests.csv"))) {
            csv.write("due_s,kind,ms,status\n");
            for (Sample s : all) {
                csv.write(String.format(Locale.ROOT, "%.3f,%s,%.3f,%d%n", s.due() / 1e9, s.kind(), s.nanos() / 1e6, s.status()));
            }
        }
        Map<Integer, List<Sample>> byMinute = new TreeMap<>();
        for (Sample s : all) {
            byMinute.computeIfAbsent(Math.min(s.minute(), minutes - 1), k -> new ArrayList<>()).add(s);
        }
        // heap in use after each collection, by the minute of the load it happened in
        Map<Integer, long[]> heap = new TreeMap<>();
        int fullGcs = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (line.contains("Pause Full")) {
                fullGcs++;
            }
            int minute = (int) Math.floor((Double.parseDouble(m.group(1)) - loadStartUptime) / 60);
            if (minute < 0 || minute >= minutes) {
                continue;
            }
            long after = Long.parseLong(m.group(3));
            long committed = Long.parseLong(m.group(4));
            heap.merge(minute, new long[]{after, after, committed, 1},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2]), a[3] + b[3]});
        }
        System.out.println();
        System.out.println("| minute | requests | errors | p50 ms | p99 ms | max ms | heap after GC MB (min–max, GCs) | fds (min–max) "
                + "| threads (min–max) | machine load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        long totalErrors = 0;
        long totalRequests = 0;
        StringBuilder jsonMinutes = new StringBuilder();
        for (int m = 0; m < minutes; m++) {
            List<Sample> ss = byMinute.getOrDefault(m, List.of());
            long[] lat = ss.stream().mapToLong(Sample::nanos).sorted().toArray();
            long errors = ss.stream().filter(s -> s.status() != 200).count();
            totalErrors += errors;
            totalRequests += ss.size();
            int mm = m;
            List<Probe> in = probes.stream().filter(p -> (p.at() - start) / MINUTE == mm).toList();
            long[] h = heap.getOrDefault(m, new long[]{0, 0, 0, 0});
            long fdMin = in.stream().mapToLong(Probe::fds).min().orElse(0);
            long fdMax = in.stream().mapToLong(Probe::fds).max().orElse(0);
            long thMin = in.stream().mapToLong(Probe::threads).min().orElse(0);
            long thMax = in.stream().mapToLong(Probe::threads).max().orElse(0);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.1f | %.0f | %d–%d (%d) | %d–%d | %d–%d | %.1f |%n", m + 1, ss.size(),
                    errors, pct(lat, .5), pct(lat, .99), pct(lat, 1), h[0], h[1], h[3], fdMin, fdMax, thMin, thMax,
                    in.stream().mapToDouble(Probe::loadAverage).average().orElse(0));
            jsonMinutes.append(jsonMinutes.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"minute\":%d,\"requests\":%d,\"errors\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"heap_after_gc_mb\":[%d,%d],"
                            + "\"fds\":[%d,%d],\"threads\":[%d,%d]}", m + 1, ss.size(), errors, pct(lat, .5), pct(lat, .99),
                    h[0], h[1], fdMin, fdMax, thMin, thMax));
        }
        System.out.println();
        System.out.println("| request | share | requests | errors | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (Kind k : Kind.values()) {
            List<Sample> ss = all.stream().filter(s -> s.kind() == k).toList();
            long[] lat = ss.stream().mapToLong(Sample::nanos).sorted().toArray();
            Map<Integer, Long> statuses = new TreeMap<>();
            ss.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
            System.out.printf(Locale.ROOT, "| %s | %d%% | %d | %d %s | %.1f | %.1f |%n", k.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    k.weight, ss.size(), ss.stream().filter(s -> s.status() != 200).count(),
                    statuses.keySet().stream().anyMatch(c -> c != 200) ? statuses.toString() : "", pct(lat, .5), pct(lat, .99));
        }
        System.out.println();
        feedActions.forEach(a -> System.out.println("feeds: " + a));
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        JsonNode feeds = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/v1/feeds")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        int subscribed = feeds.path("items").size();
        int polled = 0;
        int failing = 0;
        long feedArticles = 0;
        for (JsonNode f : feeds.path("items")) {
            polled += f.path("lastFetch").isNull() || f.path("lastFetch").isMissingNode() ? 0 : 1;
            failing += f.path("lastError").isNull() || f.path("lastError").isMissingNode() ? 0 : 1;
            feedArticles += f.path("articleCount").asLong();
        }
        JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> serveErr = Files.readAllLines(work.resolve("serve.err"));
        System.out.printf(Locale.ROOT, "feeds: %d subscribed, %d polled, %d with an error; %d articles from feeds; store now %d articles, %d stories%n",
                subscribed, polled, failing, feedArticles, health.path("articles").asLong(), health.path("stories").asLong());
        System.out.printf(Locale.ROOT, "serve stderr: %d lines%s; full GCs: %d; work folder %s%n", serveErr.size(),
                serveErr.isEmpty() ? "" : " (first: " + serveErr.get(0) + ")", fullGcs, work);
        Probe first = probes.isEmpty() ? new Probe(0, 0, 0, 0, 0) : probes.get(0);
        Probe last = probes.isEmpty() ? first : probes.get(probes.size() - 1);
        long[] lat = all.stream().mapToLong(Sample::nanos).sorted().toArray();
        System.out.printf(Locale.ROOT,
                "{\"clients\":%d,\"rate\":%.1f,\"minutes\":%d,\"requests\":%d,\"errors\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                        + "\"fds_start\":%d,\"fds_end\":%d,\"threads_start\":%d,\"threads_end\":%d,\"rss_kb_start\":%d,\"rss_kb_end\":%d,"
                        + "\"feeds\":%d,\"feeds_failing\":%d,\"feed_articles\":%d,\"serve_stderr_lines\":%d,\"per_minute\":[%s]}%n",
                clients, rate, minutes, totalRequests, totalErrors, pct(lat, .5), pct(lat, .99), first.fds(), last.fds(),
                first.threads(), last.threads(), first.rssKb(), last.rssKb(), subscribed, failing, feedArticles, serveErr.size(),
                jsonMinutes);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Waits for serve's "Precis reader for … at URL" line; returns the URL. Its later output goes to serve.out. */
    private static String readyUrl(Process serve, Path work) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            int at = line.indexOf(" at http://");
            if (line.startsWith("Precis reader for") && at > 0) {
                Thread.ofVirtual().start(() -> {
                    try (OutputStream rest = Files.newOutputStream(work.resolve("serve.out"))) {
                        serve.getInputStream().transferTo(rest);
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                return line.substring(at + 4).split("\\s+")[0];
            }
        }
        throw new IllegalStateException("serve ended before it listened: " + Files.readString(work.resolve("serve.err")));
    }

    /** Feeds of {@code entries} new articles each, answered for every loopback address (127.0.0.1 …). */
    private static final class FeedSite implements AutoCloseable {
        private final HttpServer server;
        private final Map<Integer, byte[]> docs = new ConcurrentHashMap<>();
        private final AtomicLong served = new AtomicLong();

        private FeedSite(HttpServer server) {
            this.server = server;
        }

        static FeedSite start(int entries) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 256);
            FeedSite site = new FeedSite(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/feeds/", ex -> site.serve(ex, entries));
            server.start();
            return site;
        }

        /** Feed {@code n} on host 127.0.0.(1 + n mod hosts). */
        String url(int n, int hosts) {
            return "http://127.0.0." + (1 + n % hosts) + ":" + server.getAddress().getPort() + "/feeds/" + n + ".xml";
        }

        private void serve(HttpExchange ex, int entries) throws IOException {
            try (ex) {
                int n;
                try {
                    n = Integer.parseInt(ex.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", ""));
                } catch (NumberFormatException e) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = docs.computeIfAbsent(n, k -> FeedPollBench.feed(k, entries).getBytes(StandardCharsets.UTF_8));
                served.incrementAndGet();
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                ex.getResponseHeaders().set("ETag", "\"f" + n + "\"");
                if (("\"f" + n + "\"").equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(new java.util.Date(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] out = new Object[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
