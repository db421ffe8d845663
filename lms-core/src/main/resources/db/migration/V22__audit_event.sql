-- The audit log: who did what, when and from where. The application only ever inserts
-- rows; the admin reads them by time, newest first.
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(40)   NOT NULL,
    address     VARCHAR(64),
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(200),
    details     VARCHAR(2000)
);

CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at);
