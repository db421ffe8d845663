-- When each official holds a valid certificate of a programme, as spans of days that do
-- not overlap: kept current as certificates change, so that a report counts holders on
-- any day from one row per holder instead of every certificate. valid_until NULL: for good.
CREATE TABLE certification_span (
    official_id  BIGINT NOT NULL REFERENCES official (id),
    programme_id BIGINT NOT NULL REFERENCES programme (id),
    valid_from   DATE   NOT NULL,
    valid_until  DATE,
    PRIMARY KEY (official_id, programme_id, valid_from)
);
CREATE INDEX certification_span_programme_ix ON certification_span (programme_id, valid_from);

-- V16 fills it from the certificates already there.
