-- Whether the trainees of a class were told that its exam opened: told once, by whichever
-- node sees it first.
ALTER TABLE assessment ADD COLUMN opening_announced BOOLEAN DEFAULT FALSE NOT NULL;
