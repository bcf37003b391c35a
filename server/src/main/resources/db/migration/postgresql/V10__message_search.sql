-- Full-text search over messages (the SEARCH command): a GIN index over the text's words with the
-- 'simple' configuration (lower-cased words, no language's stemming or stop words, so it suits any
-- language). Built for the rows already there; PostgreSQL keeps it current on every write. The
-- query uses the same expression (JdbcMessageStore via PostgresDialect).
CREATE INDEX messages_fulltext ON messages USING GIN (to_tsvector('simple'::regconfig, message));
