-- How many applications are in each status, for the review queue's tabs.
-- Counting 100,000 rows on every queue view was most of its time. The
-- triggers that keep this in step differ per database and are made on
-- every start (see server::db), which also fills it from the rows.
CREATE TABLE application_status_count (
    status TEXT PRIMARY KEY,
    n BIGINT NOT NULL
);
