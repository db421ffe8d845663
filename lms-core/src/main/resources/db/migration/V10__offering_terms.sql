-- A class's terms: whether it takes enrolments, when trainees may ask to join, whether
-- HR approves each request, and who teaches it.
ALTER TABLE offering ADD COLUMN status VARCHAR(16) DEFAULT 'OPEN' NOT NULL;
ALTER TABLE offering ADD COLUMN enrol_from DATE;
ALTER TABLE offering ADD COLUMN enrol_until DATE;
ALTER TABLE offering ADD COLUMN needs_approval BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE offering_instructor (
    offering_id BIGINT      NOT NULL REFERENCES offering (id),
    username    VARCHAR(40) NOT NULL,
    PRIMARY KEY (offering_id, username)
);
