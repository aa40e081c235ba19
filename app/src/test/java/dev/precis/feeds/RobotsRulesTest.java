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

    @BeforeEach
    void start() throws Exception {
        web = TestWeb.start();
        PageFetcher fetcher = new PageFetcher(Duration.ofSeconds(5), true);
        robots = new RobotsRules(url -> fetcher.get(url, RobotsRules.headers()));
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
                """);
        assertTrue(robots.allows(web.url("/news/1")));
        assertFalse(robots.allows(web.url("/drafts/2")));
        assertTrue(robots.allows(web.url("/news/3")));
        assertEquals(1, web.hits("/robots.txt").size());
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
