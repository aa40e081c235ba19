package dev.precis.feeds;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.precis.fetch.FetchException;
import dev.precis.fetch.FetchResponse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The robots.txt rules of the sites whose article pages Precis fetches, read with crawler-commons and
 * kept for a day (as RFC 9309 allows caching). A robots.txt that is missing
 * (4xx) allows everything; one that cannot be fetched (5xx, network error) disallows the site for now,
 * as RFC 9309 asks. A {@code Crawl-delay} lengthens the pause the {@link HostGate} keeps for that host.
 */
final class RobotsRules {

    /** The product token matched against {@code User-agent} lines. */
    static final String AGENT = "precis";

    /** Fetches a robots.txt URL (through the politeness gate). */
    @FunctionalInterface
    interface Source {
        FetchResponse get(String url) throws FetchException, InterruptedException;
    }

    private final Source source;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private static final Duration KEEP = Duration.ofHours(24);

    private record Site(CompletableFuture<BaseRobotRules> rules, Instant read) {
    }

    private final ConcurrentHashMap<String, Site> sites = new ConcurrentHashMap<>();

    private final HostGate gate;

    RobotsRules(Source source, HostGate gate) {
        this.source = source;
        this.gate = gate;
    }

    /** Whether robots.txt lets Precis fetch {@code url}. */
    boolean allows(String url) throws InterruptedException {
        URI uri = URI.create(url);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        Site mine = new Site(new CompletableFuture<>(), Instant.now());
        Site site = sites.compute(origin, (k, old) ->
                old == null || old.read().plus(KEEP).isBefore(mine.read()) ? mine : old);
        if (site == mine) {
            BaseRobotRules rules = read(origin + "/robots.txt");
            if (rules.getCrawlDelay() > 0) {
                gate.atLeast(uri.getHost(), Duration.ofMillis(rules.getCrawlDelay()));
            }
            mine.rules().complete(rules);
        }
        try {
            return site.rules().get().isAllowed(url);
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    private BaseRobotRules read(String robotsUrl) throws InterruptedException {
        try {
            FetchResponse r = source.get(robotsUrl);
            if (r.status() >= 200 && r.status() < 300) {
                return parser.parseContent(robotsUrl, r.body(), r.header("content-type"), List.of(AGENT));
            }
            return parser.failedFetch(r.status());
        } catch (FetchException e) {
            return parser.failedFetch(503);
        }
    }

    /** Request headers for robots.txt. */
    static Map<String, String> headers() {
        return Map.of("Accept", "text/plain");
    }
}
