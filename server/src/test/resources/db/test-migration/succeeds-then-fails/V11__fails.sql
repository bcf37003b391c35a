-- Fails after V10 was committed: only the backup can undo V10.
INSERT INTO no_such_table VALUES (1);
