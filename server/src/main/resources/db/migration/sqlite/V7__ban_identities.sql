-- A ban set on an online user also records the other identities they had, so a new nick does not
-- get them back in: the account they were logged in to, and a guest's address. NULL when none.
ALTER TABLE bans ADD COLUMN account TEXT;
ALTER TABLE bans ADD COLUMN address TEXT;
