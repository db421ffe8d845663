-- Lessons as data, versioned with their course, and what each trainee has completed.

-- A course's revision counts its loaded versions; 0 means its lessons are not loaded yet.
ALTER TABLE course ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;
-- Courses to complete first, comma separated.
ALTER TABLE course ADD COLUMN prerequisites VARCHAR(200);

-- Every version of every lesson: a changed course adds a revision and keeps the old one.
CREATE SEQUENCE lesson_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE lesson (
    id              BIGINT          NOT NULL PRIMARY KEY,
    course_id       BIGINT          NOT NULL REFERENCES course (id),
    course_revision INTEGER         NOT NULL,
    number          INTEGER         NOT NULL,
    title           VARCHAR(255)    NOT NULL,
    body            VARCHAR(200000) NOT NULL,
    is_current      BOOLEAN         NOT NULL,
    CONSTRAINT lesson_uk UNIQUE (course_id, course_revision, number)
);

-- A lesson a trainee marked done, with the version it read; a later version of the
-- course does not undo it.
CREATE TABLE lesson_completion (
    official_id   BIGINT  NOT NULL REFERENCES official (id),
    course_id     BIGINT  NOT NULL REFERENCES course (id),
    lesson_number INTEGER NOT NULL,
    lesson_id     BIGINT  NOT NULL REFERENCES lesson (id),
    completed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (official_id, course_id, lesson_number)
);

-- A course a trainee completed: every lesson done and every assessment of it passed.
CREATE TABLE course_completion (
    official_id     BIGINT  NOT NULL REFERENCES official (id),
    course_id       BIGINT  NOT NULL REFERENCES course (id),
    course_revision INTEGER NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (official_id, course_id)
);

-- The course an assessment completes, when it completes one.
ALTER TABLE assessment ADD COLUMN course_id BIGINT REFERENCES course (id);
