-- Registered accounts. folded_name is the name casefolded (rfc1459), so Alice and ALICE are one
-- account; name keeps the case it was registered with. password_hash is a bcrypt hash ($2a$/$2b$/$2y$),
-- never a password. is_operator marks server operators (the admin account has it).
CREATE TABLE accounts (
    folded_name   VARCHAR(255) NOT NULL PRIMARY KEY,
    name          VARCHAR(255) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    is_operator   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    BIGINT       NOT NULL -- epoch milliseconds
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
