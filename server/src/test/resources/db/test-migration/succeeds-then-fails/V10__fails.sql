-- Fails after V9 was committed: only the backup can undo V9.
INSERT INTO no_such_table VALUES (1);
