-- Exam day: a code the invigilator reads out, the networks an attempt may come from, and
-- what a trainee may see of its attempt once the window has closed.
ALTER TABLE assessment ADD COLUMN access_code VARCHAR(40);
ALTER TABLE assessment ADD COLUMN networks VARCHAR(1000);
ALTER TABLE assessment ADD COLUMN review VARCHAR(10) DEFAULT 'NONE' NOT NULL;

-- Extra time and attempts for one official on one assessment, and why.
CREATE TABLE accommodation (
    assessment_id  BIGINT        NOT NULL,
    official_id    BIGINT        NOT NULL,
    extra_minutes  INTEGER       NOT NULL,
    extra_attempts INTEGER       NOT NULL,
    reason         VARCHAR(500)  NOT NULL,
    set_by         VARCHAR(40)   NOT NULL,
    set_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT accommodation_pk PRIMARY KEY (assessment_id, official_id),
    CONSTRAINT accommodation_assessment_fk FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT accommodation_official_fk FOREIGN KEY (official_id) REFERENCES official (id)
);

-- Each reopening of an attempt the server closed: for how long, by whom, why.
CREATE TABLE attempt_reopening (
    attempt_id  BIGINT        NOT NULL,
    reopened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    minutes     INTEGER       NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    reopened_by VARCHAR(40)   NOT NULL,
    CONSTRAINT attempt_reopening_pk PRIMARY KEY (attempt_id, reopened_at),
    CONSTRAINT attempt_reopening_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempt (id)
);
