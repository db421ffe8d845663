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

-- The spans of the certificates already there (the same query CertificationSpans runs).
INSERT INTO certification_span (official_id, programme_id, valid_from, valid_until)
SELECT official_id, programme_id, MIN(issued_on), NULLIF(MAX(runs_to), DATE '9999-12-31')
FROM (SELECT official_id, programme_id, issued_on, runs_to,
             SUM(starts) OVER (PARTITION BY official_id, programme_id ORDER BY issued_on, runs_to
                               ROWS UNBOUNDED PRECEDING) AS span
      FROM (SELECT official_id, programme_id, issued_on, runs_to,
                   CASE WHEN issued_on <= MAX(runs_to) OVER (PARTITION BY official_id, programme_id
                            ORDER BY issued_on, runs_to ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                        THEN 0 ELSE 1 END AS starts
            FROM (SELECT official_id, programme_id, issued_on,
                         COALESCE(expires_on, DATE '9999-12-31') AS runs_to
                  FROM certificate c
                  WHERE c.revoked_at IS NULL AND COALESCE(c.expires_on, DATE '9999-12-31') >= c.issued_on) valid) marked) numbered
GROUP BY official_id, programme_id, span;
