-- Notices that scheduled work sends (session reminders, weekly attendance summaries), one row
-- per notice and recipient. Every node runs that work: a node sends only after its insert of the
-- row won, so the key is what makes each notice go out once across the cluster.
-- claimed_at: when a node took it on (NULL: free to take again after a failure);
-- done_at: sent, or found to have nothing to say; failures: sends that failed, given up at a limit.
CREATE TABLE notice_claim (
    kind        VARCHAR(24)              NOT NULL,
    subject_key VARCHAR(80)              NOT NULL,
    recipient   VARCHAR(80)              NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE,
    claimed_by  VARCHAR(100),
    done_at     TIMESTAMP WITH TIME ZONE,
    failures    INTEGER DEFAULT 0        NOT NULL,
    last_error  VARCHAR(255),
    CONSTRAINT notice_claim_pk PRIMARY KEY (kind, subject_key, recipient)
);
