package dev.precis.feeds;

import dev.precis.fetch.PageFetcher;
import dev.precis.fetch.TestWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobotsRulesTest {

    private TestWeb web;
    private RobotsRules robots;
    private final HostGate gate = new HostGate(Duration.ofMillis(100));

    @BeforeEach
    void start() throws Exception {
        web = TestWeb.start();
        PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(5), true);
        robots = new RobotsRules(url -> fetcher.get(url, RobotsRules.headers()), gate);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void followsTheRulesForPrecisAndReadsThemOncePerSite() throws Exception {
        web.page("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /

                User-agent: precis
                Disallow: /drafts/
                Allow: /
                Crawl-delay: 2.5
                """);
        assertTrue(robots.allows(web.url("/news/1")));
        assertFalse(robots.allows(web.url("/drafts/2")));
        assertTrue(robots.allows(web.url("/news/3")));
        assertEquals(1, web.hits("/robots.txt").size());
        assertEquals(Duration.ofMillis(2500), gate.delay("127.0.0.1"), "Crawl-delay lengthens the host's pause");
        assertEquals(Duration.ofMillis(100), gate.delay("elsewhere.test"));
        gate.atLeast("127.0.0.1", Duration.ofMillis(10));
        assertEquals(Duration.ofMillis(2500), gate.delay("127.0.0.1"), "never shortened");
        gate.atLeast("slow.test", Duration.ofHours(1));
        assertEquals(HostGate.MAX_DELAY, gate.delay("slow.test"));
    }

    @Test
    void aMissingRobotsTxtAllowsAndAFailingOneForbids() throws Exception {
        assertTrue(robots.allows(web.url("/news/1")), "404: no rules");
        try (TestWeb down = TestWeb.start()) {
            down.route("/robots.txt", ex -> TestWeb.send(ex, 503, "text/plain", "busy"));
            assertFalse(robots.allows(down.url("/news/1")), "5xx: the whole site is off limits for now");
        }
    }
}
