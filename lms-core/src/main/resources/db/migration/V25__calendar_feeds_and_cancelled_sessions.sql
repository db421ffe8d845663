-- A session called off stays, marked, so that calendars that hold it learn it is cancelled;
-- revision counts its changes, as iCalendar's SEQUENCE.
ALTER TABLE class_session ADD COLUMN cancelled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE class_session ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;

-- Each account's private calendar feed: only a hash of its secret link is kept.
CREATE TABLE calendar_feed (
    username   VARCHAR(40)              NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_feed_token_uk UNIQUE (token_hash)
);
