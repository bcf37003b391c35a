#!/usr/bin/env bash
# Fills each database vendor with N history messages (default 10 million) using Parley's own
# migrations, then prints the query plans and timings of the history queries Parley runs.
#
#   tools/history-at-scale.sh [sqlite|postgresql|mariadb ...]     (default: all three)
#
# Needs: sqlite3, psql and mariadb clients; PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and
# MariaDB on 127.0.0.1:3306 (root, no password), as on the build machine. Each run makes its own
# database (parley_scale) and drops it at the end. Takes minutes per vendor; not part of the tests.
set -euo pipefail

N="${N:-10000000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
migrations="$(dirname "$here")/server/src/main/resources/db/migration"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
vendors=("$@")
[ ${#vendors[@]} -eq 0 ] && vendors=(sqlite postgresql mariadb)

# 90% room messages over 100 rooms, 10% private messages over 1000 pairs; one message per 100 ms.
# Text 'message number I about topicK': I is a word in one message, topicK in one message of 1,000
# (10,000 at 10 million), 'message' in every one.
# The same SELECTs the store runs (JdbcMessageStore, MessageDeletes), with literal values.
COLS="msgid, time_ms, history_key, target, nickname, sender_source, account, command, message, tags"
T0=1700000000000
MID=$((T0 + N * 100 / 2))
queries() {
  cat <<SQL
-- LATEST 100
SELECT $COLS FROM messages WHERE history_key = '#room42' ORDER BY time_ms DESC, id DESC LIMIT 100;
-- BEFORE 100 (from the middle of the table)
SELECT $COLS FROM messages WHERE history_key = '#room42' AND time_ms < $MID ORDER BY time_ms DESC, id DESC LIMIT 100;
-- AFTER 100
SELECT $COLS FROM messages WHERE history_key = '#room42' AND time_ms > $MID ORDER BY time_ms ASC, id ASC LIMIT 100;
-- BETWEEN (100 of a 10-minute window)
SELECT $COLS FROM messages WHERE history_key = '#room42' AND time_ms > $MID AND time_ms < $((MID + 600000)) ORDER BY time_ms ASC, id ASC LIMIT 100;
-- LATEST 100 of a private conversation
SELECT $COLS FROM messages WHERE history_key = 'a40 b40' ORDER BY time_ms DESC, id DESC LIMIT 100;
-- TARGETS for a40 over the last day, rooms #room1..#room3
SELECT $COLS FROM (SELECT id, $COLS, ROW_NUMBER() OVER (PARTITION BY history_key ORDER BY time_ms DESC, id DESC) AS newness FROM messages WHERE time_ms > $((T0 + N * 100 - 86400000)) AND time_ms < $((T0 + N * 100 + 1)) AND (history_key IN ('#room1', '#room2', '#room3') OR dm_low = 'a40' OR dm_high = 'a40')) newest WHERE newness = 1 AND NOT EXISTS (SELECT 1 FROM messages later WHERE later.history_key = newest.history_key AND later.time_ms >= $((T0 + N * 100 + 1))) ORDER BY time_ms ASC, id ASC LIMIT 50;
-- retention: the next batch older than max-age (the first 10% of the table)
SELECT id FROM messages WHERE time_ms < $((T0 + N * 10)) ORDER BY time_ms LIMIT 1000;
SQL
}

fill_select() { # $1: the row-number expression's source, $2: text concatenation operator
  cat <<SQL
SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE 'room' || (i % 100) END,
       'user' || (i % 5000),
       'message number ' || i || ' about topic' || (i % 1000),
       TS,
       'm' || i,
       CASE WHEN i % 10 = 0 THEN 'a' || (i % 1000) || ' b' || (i % 1000) ELSE '#room' || (i % 100) END,
       CASE WHEN i % 10 = 0 THEN 'b' || (i % 1000) ELSE '#room' || (i % 100) END,
       'user' || (i % 5000) || '!u@host',
       NULL, 'PRIVMSG', '',
       $T0 + i * 100,
       CASE WHEN i % 10 = 0 THEN 'a' || (i % 1000) END,
       CASE WHEN i % 10 = 0 THEN 'b' || (i % 1000) END
SQL
}
INSERT="INSERT INTO messages (room_id, nickname, message, timestamp, msgid, history_key, target, sender_source, account, command, tags, time_ms, dm_low, dm_high)"

sqlite_run() {
  db="$work/scale.db"
  for f in $(ls "$migrations"/sqlite/V*.sql | sort -V); do sqlite3 "$db" < "$f"; done
  start=$(date +%s)
  sqlite3 "$db" "PRAGMA journal_mode=WAL; WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $N) $INSERT $(fill_select | sed "s/TS/strftime('%Y-%m-%d %H:%M:%S', ($T0 + i * 100) \/ 1000, 'unixepoch')/") FROM seq; ANALYZE;" > /dev/null
  echo "sqlite: $N rows in $(( $(date +%s) - start )) s, file $(du -h "$db" | cut -f1)"
  queries | while IFS= read -r line; do
    case "$line" in
      --*) echo; echo "$line";;
      *) sqlite3 "$db" "EXPLAIN QUERY PLAN $line" < /dev/null | sed 's/^/  /'
         # the third of three runs, warm, as a server's would be
         { sqlite3 -cmd ".timer on" "$db" "$line $line $line" < /dev/null 2>&1 | grep -o 'Run Time: real [0-9.]*' || true; } | tail -1 | sed 's/^/  /';;
    esac
  done
  search_report sqlite
}

postgresql_run() {
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS parley_scale" -c "CREATE DATABASE parley_scale"
  pg="psql -q -h 127.0.0.1 -U postgres -d parley_scale -v ON_ERROR_STOP=1"
  for f in $(ls "$migrations"/postgresql/V*.sql | sort -V); do $pg -f "$f"; done
  start=$(date +%s)
  $pg -c "$INSERT $(fill_select | sed "s/TS/to_timestamp(($T0 + i * 100) \/ 1000.0)::timestamp(3)/") FROM generate_series(1, $N) AS i" -c "VACUUM ANALYZE messages"
  echo "postgresql: $N rows in $(( $(date +%s) - start )) s, table and indexes $($pg -At -c "SELECT pg_size_pretty(pg_total_relation_size('messages'))")"
  queries | while IFS= read -r line; do
    case "$line" in
      --*) echo; echo "$line";;
      *) $pg -c "EXPLAIN (ANALYZE, COSTS OFF) $line" < /dev/null | sed 's/^/  /';;
    esac
  done
  search_report postgresql
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE parley_scale WITH (FORCE)"
}

mariadb_run() {
  mdb="mariadb -h 127.0.0.1 -u root"
  $mdb -e "DROP DATABASE IF EXISTS parley_scale; CREATE DATABASE parley_scale CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  for f in $(ls "$migrations"/mysql/V*.sql | sort -V); do $mdb parley_scale < "$f"; done
  start=$(date +%s)
  $mdb parley_scale -e "SET SESSION sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT'); $INSERT $(fill_select | sed "s/TS/FROM_UNIXTIME(($T0 + i * 100) \/ 1000)/") FROM (SELECT seq AS i FROM seq_1_to_$N) s; ANALYZE TABLE messages;" > /dev/null
  echo "mariadb: $N rows in $(( $(date +%s) - start )) s"
  queries | while IFS= read -r line; do
    case "$line" in
      --*) echo; echo "$line";;
      *) $mdb parley_scale -e "ANALYZE FORMAT=JSON $line" < /dev/null | grep -E '"(table_name|access_type|key|r_rows|r_total_time_ms|filesort)"' | tr -s ' ' | sed 's/^/  /' | head -12;;
    esac
  done
  search_report mariadb
  $mdb -e "DROP DATABASE parley_scale"
}

# SEARCH as the store runs it (JdbcMessageStore.search): a user in three rooms and one side of private
# conversations, the latest 100 matches. $1: the vendor's full-text condition for the word $2.
search_sql() {
  echo "SELECT $COLS FROM messages WHERE (history_key IN ('#room1', '#room2', '#room42') OR dm_low = 'a40' OR dm_high = 'a40') AND $1 ORDER BY time_ms DESC, id DESC LIMIT 100;"
}
words_condition() { # $1 vendor, $2 word
  case "$1" in
    sqlite) echo "id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH '\"$2\"')";;
    postgresql) echo "to_tsvector('simple'::regconfig, message) @@ plainto_tsquery('simple'::regconfig, '$2')";;
    mariadb) echo "MATCH (message) AGAINST ('+\"$2\"' IN BOOLEAN MODE)";;
  esac
}
# p50 and p99 of SEARCHES (default 200) searches for rare words (a message number, one match) and
# for common ones (topicK, N/1000 matches), each its own query, timed by the database client.
percentiles() { sort -n | awk '{ a[NR] = $1 } END { printf "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries)\n", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.99 + 0.5)], a[NR], NR }'; }
search_timings() { # $1 vendor, $2 kind (rare|common); prints one time in ms per query
  for k in $(seq 1 "${SEARCHES:-200}"); do
    if [ "$2" = rare ]; then word=$(( (k * 7919) % N + 1 )); else word="topic$(( (k * 31) % 1000 ))"; fi
    sql="$(search_sql "$(words_condition "$1" "$word")")"
    case "$1" in
      sqlite) printf ".timer on\n%s\n" "$sql" | sqlite3 "$work/scale.db" 2>&1 | grep -o "real [0-9.]*" | tail -1 | awk "{ print \$2 * 1000 }";;
      postgresql) psql -h 127.0.0.1 -U postgres -d parley_scale -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $sql" < /dev/null | grep -o '"Execution Time": [0-9.]*' | awk '{ print $3 }';;
      mariadb) mariadb -h 127.0.0.1 -u root parley_scale -e "ANALYZE FORMAT=JSON $sql" < /dev/null | grep -o '"r_total_time_ms": [0-9.]*' | head -2 | awk '{ t += $2 } END { print t }';; # optimization + execution
    esac
  done
}
search_report() {
  [ "${SEARCH:-1}" = 1 ] || return 0
  echo
  echo "-- SEARCH, a rare word (one match): $(search_timings "$1" rare | percentiles)"
  echo "-- SEARCH, a common word (1 in 1000 messages): $(search_timings "$1" common | percentiles)"
}

for vendor in "${vendors[@]}"; do
  echo "=== $vendor ($(date -u +%FT%TZ))"
  "${vendor}_run"
done
