-- Articles, feeds and stories for SQLite; full-text search with FTS5.
-- Times are ISO-8601 text (UTC), the same in both dialects, so range filters compare as strings.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    ext_id        TEXT UNIQUE,
    url           TEXT UNIQUE,
    canonical_url TEXT,
    source        TEXT,
    title         TEXT,
    byline        TEXT NOT NULL DEFAULT '[]',
    published     TEXT,
    language      TEXT,
    image         TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    fetched_at    TEXT,
    added_at      TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (lower(source));

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    title            TEXT,
    site_url         TEXT,
    etag             TEXT,
    last_modified    TEXT,
    interval_seconds INTEGER NOT NULL DEFAULT 3600,
    next_fetch       TEXT,
    last_fetch       TEXT,
    last_error       TEXT,
    error_count      INTEGER NOT NULL DEFAULT 0,
    article_count    INTEGER NOT NULL DEFAULT 0,
    added_at         TEXT NOT NULL
);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    label         TEXT,
    keyphrases    TEXT NOT NULL DEFAULT '[]',
    summary       TEXT,
    article_count INTEGER NOT NULL DEFAULT 0,
    first_seen    TEXT NOT NULL,
    last_seen     TEXT NOT NULL
);
CREATE INDEX stories_last_seen ON stories (last_seen);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
