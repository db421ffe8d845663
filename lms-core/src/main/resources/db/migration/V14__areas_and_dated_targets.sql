-- The administrative area an agency serves (a district's or commune's code or name), so
-- that a district's Party committee, People's Committee and communes report as one
-- district. Agencies without one take their parent's.
ALTER TABLE agency ADD COLUMN area VARCHAR(255);

-- A province sets targets for several due dates ("80 % of commune officials by 2015,
-- 95 % by 2020"): one target per programme, level and due date. The key changes, and the
-- primary key's name differs between databases, so the table is rebuilt.
CREATE TABLE certification_target_by_date (
    programme_id   BIGINT        NOT NULL REFERENCES programme (id),
    level          VARCHAR(16)   NOT NULL,
    due_on         DATE          NOT NULL,
    target_percent NUMERIC(4, 1) NOT NULL,
    imported_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (programme_id, level, due_on)
);
INSERT INTO certification_target_by_date (programme_id, level, due_on, target_percent, imported_at)
    SELECT programme_id, level, due_on, target_percent, imported_at FROM certification_target;
DROP TABLE certification_target;
ALTER TABLE certification_target_by_date RENAME TO certification_target;
