-- The question banks shipped in content/banks, by file: a file is loaded again only when
-- it changed, so that a key corrected through the API is not undone at the next start.
CREATE TABLE bank_file (
    name         VARCHAR(255) NOT NULL PRIMARY KEY,
    content_hash VARCHAR(64)  NOT NULL
);
