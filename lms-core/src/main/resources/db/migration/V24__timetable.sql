-- Venues, the sessions of a class held in them, and who came.

CREATE SEQUENCE venue_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE venue (
    id      BIGINT       NOT NULL PRIMARY KEY,
    code    VARCHAR(40)  NOT NULL,
    name    VARCHAR(255) NOT NULL,
    kind    VARCHAR(16)  NOT NULL,
    seats   INTEGER      NOT NULL,
    address VARCHAR(255),
    version BIGINT       NOT NULL,
    CONSTRAINT venue_code_uk UNIQUE (code)
);

CREATE SEQUENCE class_session_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE class_session (
    id          BIGINT    NOT NULL PRIMARY KEY,
    offering_id BIGINT    NOT NULL REFERENCES offering (id),
    starts_at   TIMESTAMP NOT NULL,
    ends_at     TIMESTAMP NOT NULL,
    venue_id    BIGINT    NOT NULL REFERENCES venue (id),
    version     BIGINT    NOT NULL
);
CREATE INDEX class_session_offering_ix ON class_session (offering_id, starts_at);
CREATE INDEX class_session_venue_ix ON class_session (venue_id, starts_at);

-- The video-conference points that join a session held at another point or hall.
CREATE TABLE class_session_point (
    session_id BIGINT NOT NULL REFERENCES class_session (id),
    venue_id   BIGINT NOT NULL REFERENCES venue (id),
    CONSTRAINT class_session_point_pk PRIMARY KEY (session_id, venue_id)
);
CREATE INDEX class_session_point_venue_ix ON class_session_point (venue_id);

CREATE TABLE attendance (
    session_id  BIGINT                   NOT NULL REFERENCES class_session (id),
    official_id BIGINT                   NOT NULL REFERENCES official (id),
    status      VARCHAR(16)              NOT NULL,
    marked_by   VARCHAR(40)              NOT NULL,
    marked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attendance_pk PRIMARY KEY (session_id, official_id)
);

-- The share of sessions a trainee must attend for the course to count; NULL asks none.
ALTER TABLE offering ADD COLUMN min_attendance_percent INTEGER;
UPDATE offering SET min_attendance_percent = 80 WHERE course_id IN
    (SELECT c.id FROM course c JOIN programme p ON p.id = c.programme_id WHERE p.code IN ('CIO', 'IT-SPECIALIST'));

-- Why a place became FAILED: its exams, or too few sessions attended.
ALTER TABLE enrolment ADD COLUMN failed_reason VARCHAR(16);
