-- The lowest pass mark a certifying assessment of the programme may set, overall and for
-- each part: the national exam rules ask 50 % of each part.
ALTER TABLE programme ADD COLUMN min_pass_percent DOUBLE PRECISION DEFAULT 50 NOT NULL;

-- Who owns a question category: whoever first imported into it, and whom the admin adds.
-- Nothing recorded who created the categories held before, so they are the admin's alone.
CREATE TABLE category_owner (
    category VARCHAR(100) NOT NULL,
    username VARCHAR(40)  NOT NULL,
    CONSTRAINT category_owner_pk PRIMARY KEY (category, username)
);
