-- Succeeds and is committed on its own, as Flyway commits each migration.
CREATE TABLE added_by_v9 (id INTEGER);
DELETE FROM accounts;
