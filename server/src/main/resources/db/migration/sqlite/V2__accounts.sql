-- Registered accounts. folded_name is the name casefolded (rfc1459), so Alice and ALICE are one
-- account; name keeps the case it was registered with. password_hash is a bcrypt hash ($2a$/$2b$/$2y$),
-- never a password. is_operator marks server operators (the admin account has it).
CREATE TABLE accounts (
    folded_name   TEXT    PRIMARY KEY,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    is_operator   INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL -- epoch milliseconds
);
