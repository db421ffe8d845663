-- Whether the trainees of a class were told that its exam opened: told once, by whichever
-- node sees it first. Exams already open before this version count as told.
ALTER TABLE assessment ADD COLUMN opening_announced BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE assessment SET opening_announced = TRUE WHERE opens_at IS NULL OR opens_at <= CURRENT_TIMESTAMP;

-- Who opened a class: HR may open, close or cancel the classes it opened.
ALTER TABLE offering ADD COLUMN opened_by VARCHAR(40);
