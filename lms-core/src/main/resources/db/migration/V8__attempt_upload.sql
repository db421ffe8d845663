-- A file handed in as a practical answer, beside its text; kept in the database so that
-- every node can serve it and a backup of the database holds it.
CREATE TABLE attempt_upload (
    attempt_id   BIGINT       NOT NULL,
    question_id  BIGINT       NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (attempt_id, question_id),
    FOREIGN KEY (attempt_id, question_id) REFERENCES attempt_item (attempt_id, question_id)
);
