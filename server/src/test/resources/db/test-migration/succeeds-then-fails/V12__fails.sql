-- Fails after V11 was committed: only the backup can undo V11.
INSERT INTO no_such_table VALUES (1);
