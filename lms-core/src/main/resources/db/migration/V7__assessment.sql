-- Question banks, assessments, attempts and grading.

-- Every version of every question. A question is known by its category and title; a bank
-- that changes it adds a version and leaves the old one to the attempts that used it.
CREATE SEQUENCE question_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE question (
    id          BIGINT           NOT NULL PRIMARY KEY,
    category    VARCHAR(100)     NOT NULL,
    title       VARCHAR(200)     NOT NULL,
    revision    INTEGER          NOT NULL,
    is_current  BOOLEAN          NOT NULL,
    type        VARCHAR(20)      NOT NULL,
    points      DOUBLE PRECISION NOT NULL,
    -- The question's own GIFT text: what is shown, its key, and what an export writes.
    source      VARCHAR(20000)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT           NOT NULL,
    CONSTRAINT question_revision_uk UNIQUE (category, title, revision)
);
CREATE INDEX question_current_ix ON question (category, is_current);

CREATE SEQUENCE assessment_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE assessment (
    id                 BIGINT           NOT NULL PRIMARY KEY,
    code               VARCHAR(40)      NOT NULL,
    title              VARCHAR(255)     NOT NULL,
    programme_id       BIGINT           NOT NULL REFERENCES programme (id),
    offering_id        BIGINT           REFERENCES offering (id),
    time_limit_minutes INTEGER          NOT NULL,
    pass_percent       DOUBLE PRECISION NOT NULL,
    max_attempts       INTEGER          NOT NULL,
    certifies          BOOLEAN          NOT NULL,
    opens_at           TIMESTAMP WITH TIME ZONE,
    closes_at          TIMESTAMP WITH TIME ZONE,
    created_by         VARCHAR(40)      NOT NULL,
    version            BIGINT           NOT NULL,
    CONSTRAINT assessment_code_uk UNIQUE (code)
);

-- The parts of an assessment: how many questions of which category, and optionally the
-- mark that part must reach on its own (the standard's multiple-choice and practical parts).
CREATE TABLE assessment_section (
    assessment_id  BIGINT           NOT NULL REFERENCES assessment (id),
    position       INTEGER          NOT NULL,
    category       VARCHAR(100)     NOT NULL,
    question_count INTEGER          NOT NULL,
    pass_percent   DOUBLE PRECISION,
    PRIMARY KEY (assessment_id, position)
);

-- Who grades an assessment, besides administrators.
CREATE TABLE assessment_instructor (
    assessment_id BIGINT      NOT NULL REFERENCES assessment (id),
    username      VARCHAR(40) NOT NULL,
    PRIMARY KEY (assessment_id, username)
);

CREATE SEQUENCE attempt_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE attempt (
    id            BIGINT           NOT NULL PRIMARY KEY,
    assessment_id BIGINT           NOT NULL REFERENCES assessment (id),
    official_id   BIGINT           NOT NULL REFERENCES official (id),
    number        INTEGER          NOT NULL,
    status        VARCHAR(20)      NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE,
    submitted_by  VARCHAR(10),
    score         DOUBLE PRECISION,
    max_score     DOUBLE PRECISION NOT NULL,
    passed        BOOLEAN,
    version       BIGINT           NOT NULL,
    CONSTRAINT attempt_number_uk UNIQUE (assessment_id, official_id, number)
);
CREATE INDEX attempt_overdue_ix ON attempt (status, deadline);
CREATE INDEX attempt_official_ix ON attempt (official_id, assessment_id);

-- One question of an attempt, as this trainee sees it (the order of its options), with
-- the answer saved so far and its grade.
CREATE TABLE attempt_item (
    attempt_id   BIGINT           NOT NULL REFERENCES attempt (id),
    question_id  BIGINT           NOT NULL REFERENCES question (id),
    position     INTEGER          NOT NULL,
    section      INTEGER          NOT NULL,
    option_order VARCHAR(400),
    choice_order VARCHAR(400),
    max_points   DOUBLE PRECISION NOT NULL,
    selected     VARCHAR(400),
    answer_text  VARCHAR(20000),
    pairs        VARCHAR(800),
    answered_at  TIMESTAMP WITH TIME ZONE,
    points       DOUBLE PRECISION,
    comment      VARCHAR(4000),
    graded_by    VARCHAR(40),
    graded_at    TIMESTAMP WITH TIME ZONE,
    version      BIGINT           NOT NULL,
    PRIMARY KEY (attempt_id, question_id)
);
CREATE INDEX attempt_item_question_ix ON attempt_item (question_id);

-- What a regrade changed, attempt by attempt.
CREATE SEQUENCE regrade_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE regrade (
    id           BIGINT           NOT NULL PRIMARY KEY,
    attempt_id   BIGINT           NOT NULL REFERENCES attempt (id),
    old_score    DOUBLE PRECISION,
    new_score    DOUBLE PRECISION,
    old_passed   BOOLEAN,
    new_passed   BOOLEAN,
    done_by      VARCHAR(40)      NOT NULL,
    done_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The attempt a certificate was earned by, so that a regrade can take it back.
ALTER TABLE certificate ADD COLUMN attempt_id BIGINT REFERENCES attempt (id);

INSERT INTO import_lock (name) VALUES ('question-banks');
