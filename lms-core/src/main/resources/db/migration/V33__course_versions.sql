-- Course files uploaded from the pages: every version of a course, who loaded it and when,
-- and the hash of the file shipped in content/catalog, so that an unchanged shipped file does
-- not replace at the next start a version uploaded since.

ALTER TABLE course ADD COLUMN shipped_hash VARCHAR(64);
UPDATE course SET shipped_hash = content_hash;

-- loaded_by is NULL for the file shipped with the application; loaded_at is NULL for the
-- versions loaded before versions were recorded.
CREATE TABLE course_version (
    course_id  BIGINT      NOT NULL REFERENCES course (id),
    revision   INTEGER     NOT NULL,
    loaded_by  VARCHAR(40),
    loaded_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (course_id, revision)
);

INSERT INTO course_version (course_id, revision)
    SELECT DISTINCT course_id, course_revision FROM lesson;
INSERT INTO course_version (course_id, revision)
    SELECT c.id, c.revision FROM course c
    WHERE c.revision > 0
      AND NOT EXISTS (SELECT 1 FROM course_version v WHERE v.course_id = c.id AND v.revision = c.revision);
