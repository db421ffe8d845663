-- The admin disables an account (it keeps its history and roles but can no longer log in)
-- and deactivates an agency that no longer exists (kept for history, offered to no new official).
ALTER TABLE account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE agency ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
