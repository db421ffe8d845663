-- Some programmes count people or trainings rather than a share: "100 leaders trained"
-- for CIO, "200 trainings" for the IT staff, where each completion counts.
ALTER TABLE programme ADD COLUMN count_target INTEGER;
ALTER TABLE programme ADD COLUMN count_unit VARCHAR(16);

UPDATE programme SET count_target = 100, count_unit = 'OFFICIALS' WHERE code = 'CIO';
UPDATE programme SET count_target = 200, count_unit = 'CERTIFICATES' WHERE code = 'IT-SPECIALIST';
