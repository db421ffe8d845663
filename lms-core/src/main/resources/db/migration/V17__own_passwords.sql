-- The language a person chose for the pages, kept for the next login.
ALTER TABLE account ADD COLUMN language VARCHAR(8);

-- Links that let a person who forgot the password choose a new one: only a hash of the
-- token is kept, each works once, for 30 minutes.
CREATE TABLE password_reset (
    token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_reset_account_ix ON password_reset (account_id, requested_at);
