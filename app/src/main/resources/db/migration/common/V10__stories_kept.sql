-- Stories are grouped as articles are stored and kept here (see StoryDesk).
-- A story merged into another keeps its row, pointing at the story it became, so old links resolve.
ALTER TABLE stories ADD COLUMN merged_into BIGINT REFERENCES stories (id);
-- Related stories (JSON array of story ids, best first) as found when the story last changed.
ALTER TABLE stories ADD COLUMN related TEXT NOT NULL DEFAULT '[]';
-- The grouping step that last changed the story (story_grouping.version then): a cache key for readers.
ALTER TABLE stories ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
CREATE INDEX stories_merged_into ON stories (merged_into);

-- Order in which articles were assigned (restarts replay members in this order), the member it is a
-- near-duplicate of (same article syndicated or re-posted), and its keyphrases with scores.
ALTER TABLE story_articles ADD COLUMN position BIGINT NOT NULL DEFAULT 0;
ALTER TABLE story_articles ADD COLUMN duplicate_of BIGINT;
ALTER TABLE story_articles ADD COLUMN keyphrases TEXT NOT NULL DEFAULT '[]';
CREATE INDEX story_articles_position ON story_articles (position);

-- One row: bumped by every grouping step, so a process whose grouping is stale (another process
-- grouped meanwhile) finds out when it saves and reloads instead of overwriting.
CREATE TABLE story_grouping (
    id       INTEGER PRIMARY KEY,
    version  BIGINT NOT NULL,
    position BIGINT NOT NULL
);
INSERT INTO story_grouping (id, version, position) VALUES (1, 0, 0);
