-- Courses (loaded from content/ at start), classes of them, and who is enrolled.

-- Positions a programme admits, comma separated; NULL admits everyone.
ALTER TABLE programme ADD COLUMN admitted_positions VARCHAR(100);
UPDATE programme SET admitted_positions = 'LEADER' WHERE code = 'CIO';
UPDATE programme SET admitted_positions = 'IT_SPECIALIST' WHERE code = 'IT-SPECIALIST';

CREATE SEQUENCE course_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE course (
    id           BIGINT         NOT NULL PRIMARY KEY,
    code         VARCHAR(40)    NOT NULL,
    programme_id BIGINT         NOT NULL REFERENCES programme (id),
    title        VARCHAR(255)   NOT NULL,
    title_en     VARCHAR(255)   NOT NULL,
    hours        INTEGER        NOT NULL,
    body         VARCHAR(200000) NOT NULL,
    content_hash VARCHAR(64)    NOT NULL,
    version      BIGINT         NOT NULL,
    CONSTRAINT course_code_uk UNIQUE (code)
);

CREATE SEQUENCE offering_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE offering (
    id            BIGINT       NOT NULL PRIMARY KEY,
    code          VARCHAR(40)  NOT NULL,
    course_id     BIGINT       NOT NULL REFERENCES course (id),
    title         VARCHAR(255) NOT NULL,
    starts_on     DATE         NOT NULL,
    ends_on       DATE         NOT NULL,
    capacity      INTEGER      NOT NULL,
    place         VARCHAR(255),
    -- The next place in line: requests are numbered under the offering's row lock.
    next_position INTEGER      NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT offering_code_uk UNIQUE (code)
);

CREATE SEQUENCE enrolment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE enrolment (
    id           BIGINT      NOT NULL PRIMARY KEY,
    offering_id  BIGINT      NOT NULL REFERENCES offering (id),
    official_id  BIGINT      NOT NULL REFERENCES official (id),
    status       VARCHAR(16) NOT NULL,
    position     INTEGER     NOT NULL,
    version      BIGINT      NOT NULL,
    CONSTRAINT enrolment_uk UNIQUE (offering_id, official_id)
);
CREATE INDEX enrolment_line_ix ON enrolment (offering_id, status, position);
