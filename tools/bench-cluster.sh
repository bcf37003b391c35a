#!/usr/bin/env bash
# Measures what a cluster adds to a delivery: a single Parley node and an N-node cluster (default
# 2), each started fresh as processes on a fresh MariaDB database of its own (the cluster's nodes
# share theirs, and the local Redis under a key prefix of their own), driven by `parley bench
# fanout` in interleaved rounds (single, cluster, single, cluster...) at each offered rate. Leaves
# one JSON file per run in OUT (default /tmp/parley-bench-cluster); tools/bench-cluster-summary.py
# turns them into a table.
#
#   tools/bench-cluster.sh [ROUNDS] [RATE ...]     RATE: deliveries/s offered in total, or max
#
# Traffic: CLIENTS (1000) in ROOMS (10), SENDERS (100) sending, for SECONDS (20) at a fixed rate
# (after WARMUP (100) untimed messages per sender at the same rate, at most WARMUP_SECONDS (10)
# of them), or at max rate MESSAGES (300) per sender with a window of WINDOW (4). The bench
# spreads the clients over the nodes so that every room has members on each; it measures each
# delivery sender to receiver and splits the cluster's deliveries into same-node and cross-node.
# CPU is utime+stime of every node and, for the cluster, of Redis (from /proc/PID/stat) over the
# measured traffic; each process's busiest threads are kept beside the JSON (threads-*.txt).
# History is on (HISTORY=false turns it off), stored in MariaDB, for both.
#
# Needs MariaDB on 127.0.0.1:3306 (root, no password) and Redis on 127.0.0.1:6379; the mysql and
# redis-cli commands.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
rounds="${1:-3}"; shift || true
rates=("$@")
[ ${#rates[@]} -eq 0 ] && rates=(100000 max)
nodes="${NODES:-2}"
clients="${CLIENTS:-1000}"; rooms="${ROOMS:-10}"; senders="${SENDERS:-100}"
seconds="${SECONDS_PER_RUN:-20}"; warmup="${WARMUP:-100}"; messages="${MESSAGES:-300}"; window="${WINDOW:-4}"
out="${OUT:-/tmp/parley-bench-cluster}"
port=${PORT_BASE:-16800}
mkdir -p "$out"
jar="$repo/app/target/parley.jar"
"$repo/parley" --version > /dev/null
bench() { java -Xss512k -XX:+UseParallelGC -Xmx2g -jar "$jar" bench "$@"; }
redis_pid="$(redis-cli -h 127.0.0.1 -p 6379 info server | tr -d '\r' | awk -F: '/^process_id:/ {print $2}')"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap cleanup EXIT

# start_node DIR DATABASE PORT [NODE-ID]: a node in the background (a cluster node with NODE-ID).
start_node() {
  local dir="$1" db="$2" at="$3" id="${4:-}" cluster=()
  [ -n "$id" ] && cluster=(--cluster redis://127.0.0.1:6379 --set "cluster.node-id=$id" --set "cluster.key-prefix=$db:")
  mkdir -p "$dir/$at"
  PARLEY_JAVA_OPTS="-Xmx1g ${PARLEY_BENCH_OPTS:-}" "$repo/parley" server --listen "127.0.0.1:$at" --set http.listen= \
    --data-dir "$dir/$at" --database "jdbc:mariadb://127.0.0.1:3306/$db" --set storage.database-user=root \
    --set limits.flood.enabled=false --set limits.connections.enabled=false --set history.enabled="${HISTORY:-true}" \
    --set limits.send-queue-bytes=8MiB "${cluster[@]}" > "$dir/$at.log" 2>&1 &
  pids+=($!)
}

# threads FILE PID...: each process's busiest threads (CPU seconds since its start), for where the time goes.
threads() {
  local file="$1"; shift
  for pid in "$@"; do
    echo "pid $pid"
    for task in /proc/"$pid"/task/*; do
      awk -v name="$(cat "$task/comm" 2>/dev/null)" '{ sub(/^.*\) /, ""); printf "%8.2f %s\n", ($12 + $13) / 100, name }' "$task/stat" 2>/dev/null || true
    done | sort -rn | head -12 || true
  done > "$file"
}

await_port() {
  for _ in $(seq 1 300); do
    if (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "node did not open port $1" >&2; return 1
}

# traffic RATE: the bench's traffic options for an offered rate of deliveries/s, or max.
traffic() {
  local per_message=$(( clients / rooms - 1 ))
  if [ "$1" = max ]; then
    echo "--messages $messages --warmup $warmup --window $window"
  else
    local msgs_per_s=$(( ($1 + per_message - 1) / per_message ))
    # The warm-up goes at the same rate, so at most WARMUP_SECONDS (10) of it.
    local warm=$(( msgs_per_s * ${WARMUP_SECONDS:-10} / senders ))
    [ "$warm" -gt "$warmup" ] && warm="$warmup"; [ "$warm" -lt 10 ] && warm=10
    echo "--rate $msgs_per_s --messages $(( (msgs_per_s * seconds + senders - 1) / senders )) --warmup $warm"
  fi
}

for round in $(seq "${FIRST_ROUND:-1}" "$rounds"); do
  for rate in "${rates[@]}"; do
    for mode in single cluster; do
      dir="$(mktemp -d)"
      db="parley_bench_$(date +%s)_$RANDOM"
      mysql -h 127.0.0.1 -u root -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
      servers=(); server_pids=()
      count=1; [ "$mode" = cluster ] && count="$nodes"
      for k in $(seq 1 "$count"); do
        id=""; [ "$mode" = cluster ] && id="n$k"
        start_node "$dir" "$db" "$port" "$id"
        # One node at a time: the first migrates the fresh database, the others find it done.
        await_port "$port"
        servers+=(--server "127.0.0.1:$port"); server_pids+=(--server-pid "${pids[-1]}")
        port=$((port + 1))
      done
      [ "$mode" = cluster ] && server_pids+=(--server-pid "$redis_pid")
      echo "== round $round rate $rate $mode ($(uptime | sed 's/.*load average/load average/'))"
      # shellcheck disable=SC2046
      bench fanout --clients "$clients" --rooms "$rooms" --senders "$senders" $(traffic "$rate") \
        "${servers[@]}" --password chat@123 "${server_pids[@]}" --json "$out/r$rate-$mode-$round.json" \
        | grep -E "^(deliveries_per_s|loss|latency_p99_ms|cross_node_latency_p99_ms|same_node_latency_p99_ms|server_cpu_us_per_delivery|disconnected) " || true
      threads "$out/threads-r$rate-$mode-$round.txt" "${pids[@]}"
      cleanup
      if [ "$mode" = cluster ]; then
        redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "$db:*" | xargs -r redis-cli -h 127.0.0.1 -p 6379 del > /dev/null
      fi
      mysql -h 127.0.0.1 -u root -e "DROP DATABASE $db"
      [ -n "${KEEP:-}" ] && echo "kept $dir" || rm -rf "$dir"
    done
  done
done
