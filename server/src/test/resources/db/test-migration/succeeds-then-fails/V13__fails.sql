-- Fails after V12 was committed: only the backup can undo V12.
INSERT INTO no_such_table VALUES (1);
