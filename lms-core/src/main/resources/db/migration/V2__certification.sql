-- Programmes, the certificates officials hold, and the province's certification targets.

CREATE TABLE programme (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    code                VARCHAR(40)  NOT NULL,
    name_vi             VARCHAR(255) NOT NULL,
    name_en             VARCHAR(255) NOT NULL,
    -- How long a certificate stays valid; NULL: for good.
    validity_months     INTEGER,
    -- How long before expiry an official is due for recertification.
    renewal_window_days INTEGER      NOT NULL,
    CONSTRAINT programme_code_uk UNIQUE (code)
);

INSERT INTO programme (id, code, name_vi, name_en, validity_months, renewal_window_days) VALUES
    (1, 'BASIC-IT', 'Chuẩn kỹ năng sử dụng công nghệ thông tin cơ bản', 'Basic IT skills standard', NULL, 90),
    (2, 'CIO', 'Bồi dưỡng lãnh đạo công nghệ thông tin (CIO)', 'CIO programme for agency leaders', 60, 180),
    (3, 'IT-SPECIALIST', 'Bồi dưỡng chuyên sâu cho cán bộ chuyên trách CNTT', 'Intensive courses for IT staff', 36, 90);

CREATE SEQUENCE certificate_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE certificate (
    id             BIGINT       NOT NULL PRIMARY KEY,
    number         VARCHAR(40)  NOT NULL,
    official_id    BIGINT       NOT NULL REFERENCES official (id),
    programme_id   BIGINT       NOT NULL REFERENCES programme (id),
    issued_on      DATE         NOT NULL,
    expires_on     DATE,
    source         VARCHAR(16)  NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoked_by     VARCHAR(40),
    revoked_reason VARCHAR(500),
    version        BIGINT       NOT NULL,
    CONSTRAINT certificate_number_uk UNIQUE (number)
);
CREATE INDEX certificate_holder_ix ON certificate (official_id, programme_id, issued_on);

CREATE TABLE certification_target (
    programme_id   BIGINT       NOT NULL REFERENCES programme (id),
    level          VARCHAR(16)  NOT NULL,
    target_percent NUMERIC(4, 1) NOT NULL,
    due_on         DATE         NOT NULL,
    imported_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (programme_id, level)
);
