-- Failed logins per account and client address: after too many in a short time, that
-- address may not try that account for a while. Kept in the database, so it holds on
-- every node.
CREATE TABLE login_failure (
    username        VARCHAR(40) NOT NULL,
    address         VARCHAR(64) NOT NULL,
    failures        INTEGER     NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, address)
);
