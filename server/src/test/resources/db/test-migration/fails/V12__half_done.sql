-- A migration that fails half-way: SchemaMigrationIT shows the database is put back.
CREATE TABLE half_done (id INTEGER);
INSERT INTO no_such_table VALUES (1);
