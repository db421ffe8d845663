-- A row that roster imports lock, so that they run one at a time across nodes.
CREATE TABLE import_lock (
    name VARCHAR(40) NOT NULL PRIMARY KEY
);
INSERT INTO import_lock (name) VALUES ('roster');
