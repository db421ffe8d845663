-- Certificate imports, too, run one at a time.
INSERT INTO import_lock (name) VALUES ('certificates');
