-- The province's agencies, its officials and the accounts that log in.
-- Written for both PostgreSQL and H2 (in PostgreSQL mode).

-- Every sequence steps by 50, JPA's allocation size: EclipseLink takes a value v as the
-- last id of its block v-49..v (so the first value must be 50), and a JDBC insert taking
-- one value never lands in such a block.
CREATE SEQUENCE agency_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE official_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE agency (
    id        BIGINT       NOT NULL PRIMARY KEY,
    code      VARCHAR(40)  NOT NULL,
    name      VARCHAR(255) NOT NULL,
    level     VARCHAR(16)  NOT NULL,
    sector    VARCHAR(16)  NOT NULL,
    parent_id BIGINT REFERENCES agency (id),
    path      VARCHAR(2000) NOT NULL,
    CONSTRAINT agency_code_uk UNIQUE (code)
);
CREATE INDEX agency_parent_ix ON agency (parent_id);
CREATE INDEX agency_path_ix ON agency (path);

CREATE TABLE official (
    id            BIGINT       NOT NULL PRIMARY KEY,
    employee_code VARCHAR(40)  NOT NULL,
    full_name     VARCHAR(255) NOT NULL,
    search_key    VARCHAR(320) NOT NULL,
    agency_id     BIGINT       NOT NULL REFERENCES agency (id),
    position      VARCHAR(16)  NOT NULL,
    email         VARCHAR(255),
    it_degree     VARCHAR(16),
    active        BOOLEAN      NOT NULL,
    CONSTRAINT official_code_uk UNIQUE (employee_code)
);
CREATE INDEX official_agency_ix ON official (agency_id);

CREATE TABLE account (
    id            BIGINT      NOT NULL PRIMARY KEY,
    username      VARCHAR(40) NOT NULL,
    password_hash VARCHAR(255),
    official_id   BIGINT REFERENCES official (id),
    agency_id     BIGINT REFERENCES agency (id),
    version       BIGINT      NOT NULL,
    CONSTRAINT account_username_uk UNIQUE (username),
    CONSTRAINT account_official_uk UNIQUE (official_id)
);

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, role)
);
