-- Tables both dialects share as written: digests, statement rows (queryable by speaker),
-- article-feed links and story membership.
CREATE TABLE digests (
    article_id  BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    algorithm   TEXT NOT NULL,
    summary     TEXT NOT NULL,
    scores      TEXT NOT NULL,
    statements  TEXT NOT NULL DEFAULT '[]',
    fingerprint BIGINT NOT NULL,
    keyphrases  TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE statements (
    article_id   BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    speaker      TEXT,
    speaker_key  TEXT,
    kind         TEXT,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX statements_speaker ON statements (speaker_key);

CREATE TABLE article_feeds (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    feed_id    BIGINT NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    entry_id   TEXT,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (article_id, feed_id)
);
CREATE INDEX article_feeds_feed ON article_feeds (feed_id);

CREATE TABLE story_articles (
    story_id   BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    score      DOUBLE PRECISION,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (story_id, article_id)
);
CREATE UNIQUE INDEX story_articles_article ON story_articles (article_id);
