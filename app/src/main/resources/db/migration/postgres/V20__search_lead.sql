-- A small tsvector of the title (weight A) and the lead, the text's first 600 characters cut at a
-- word boundary (weight B). Search finds and ranks title-and-lead matches with it; it stays inline
-- in the row (STORAGE MAIN), so testing and ranking an article needs no TOAST read, which the
-- whole-text vector in "search" costs. Adding a generated column rewrites the table, which fills it
-- for the articles already stored.
ALTER TABLE articles
    ADD COLUMN search_lead TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', CASE WHEN length(text) <= 600 THEN text
                                              ELSE regexp_replace(left(text, 601), '\S*$', '') END), 'B')) STORED,
    ALTER COLUMN search_lead SET STORAGE MAIN;
CREATE INDEX articles_search_lead ON articles USING GIN (search_lead);
