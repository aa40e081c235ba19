-- Each member's sentence-encoder vector (dev.precis.stories.Meaning: 384 little-endian float32,
-- 1536 bytes), kept with its membership so a restart replays it instead of encoding the article
-- again. NULL for members stored before this column (encoded at their next restart) and for
-- articles with neither headline nor text.
ALTER TABLE story_articles ADD COLUMN meaning BYTEA;
