#!/usr/bin/env bash
# Runs `parley bench` scenarios against Parley, InspIRCd and ngIRCd on this machine, interleaved,
# and leaves one JSON file per run in OUT (default /tmp/parley-bench). Each server gets its own
# temporary config with flood limits off or raised, on a loopback port; Parley runs with history
# off (the issue's method) unless HISTORY=1.
#
#   tools/bench-compare.sh [RUNS] [SCENARIO ...]       scenarios: fanout fanout1 fanoutlong dm connect idle steady
#
# Needs Debian's inspircd and ngircd packages (for measurement only; not part of the build).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
runs="${1:-3}"; shift || true
scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(fanout fanout1 dm connect)
servers=(${SERVERS:-parley inspircd ngircd})
out="${OUT:-/tmp/parley-bench}"
port=${PORT_BASE:-16700}
mkdir -p "$out"
jar="$repo/app/target/parley.jar"
"$repo/parley" --version > /dev/null
bench() { java -Xss512k -XX:+UseParallelGC -Xmx2g -jar "$jar" bench "$@"; }

start_parley() {
  local dir="$1"
  # Started as users start it: the launcher's JVM defaults (collector and heap), -Xmx2g added.
  PARLEY_JAVA_OPTS="-Xmx2g ${PARLEY_BENCH_OPTS:-}" "$repo/parley" server --listen "127.0.0.1:$port" --set http.listen= \
    --data-dir "$dir/data" --set limits.flood.enabled=false --set limits.connections.enabled=false \
    --set history.enabled="${HISTORY:-false}" --set limits.send-queue-bytes=8MiB > "$dir/server.log" 2>&1 &
  echo $!
}

start_inspircd() {
  local dir="$1"
  cat > "$dir/inspircd.conf" <<CONF
<server name="bench.inspircd" description="bench" network="Bench">
<admin name="bench" nick="bench" email="bench@localhost">
<bind address="127.0.0.1" port="$port" type="clients">
<connect name="main" allow="*" maxchans="50" timeout="120" pingfreq="300" hardsendq="16M" softsendq="8M"
         recvq="1M" threshold="10000000" commandrate="100000000" fakelag="off" localmax="100000" globalmax="100000"
         useident="no" limit="100000" maxconnwarn="no" resolvehostnames="no" uniqueusername="no">
<performance netbuffersize="10240" somaxconn="4096" softlimit="30000" clonesonconnect="no" timeskipwarn="0">
<security hidesplits="no" hideulines="no" announceinvites="dynamic">
<pid file="$dir/inspircd.pid">
<log method="file" type="* -USERINPUT -USEROUTPUT" level="default" target="$dir/inspircd.log">
<options prefixpart="" fixedquit="" syntaxhints="no" defaultmodes="nt">
<limits maxnick="30" maxchan="64" maxmodes="20" maxident="11" maxquit="255" maxtopic="307" maxkick="255" maxreal="128" maxaway="200">
CONF
  inspircd --config="$dir/inspircd.conf" --nofork --runasroot > "$dir/server.log" 2>&1 &
  echo $!
}

start_ngircd() {
  local dir="$1"
  cat > "$dir/ngircd.conf" <<CONF
[Global]
    Name = bench.ngircd
    Info = bench
    Listen = 127.0.0.1
    Ports = $port
    MotdPhrase = bench
    PidFile = $dir/ngircd.pid
[Limits]
    MaxConnections = 0
    MaxConnectionsIP = 0
    MaxJoins = 0
    MaxNickLength = 30
    MaxPenaltyTime = 0
    PingTimeout = 600
    PongTimeout = 600
    ConnectRetry = 60
[Options]
    DNS = no
    Ident = no
    PAM = no
    OperCanUseMode = yes
    MorePrivacy = no
CONF
  ngircd --nodaemon --config "$dir/ngircd.conf" > "$dir/server.log" 2>&1 &
  echo $!
}

await_port() {
  for _ in $(seq 1 100); do
    if (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server did not open port $port" >&2; return 1
}

scenario_args() {
  case "$1" in
    fanout)  echo "fanout --clients 1000 --rooms 10 --senders 100 --messages 100";;
    fanout1) echo "fanout --clients 200 --rooms 1 --senders 20 --messages 200";;
    fanoutlong) echo "fanout --clients 1000 --rooms 10 --senders 100 --messages 300";;
    dm)      echo "dm --pairs 500 --messages 1000";;
    connect) echo "connect --clients 2000";;
    idle)    echo "connect --clients 10000 --in-flight 500";;
    steady)  echo "connect --clients 10000 --rate 1000 ${WARMUP:+--warmup 2000}";;
    rate*)   echo "fanout --clients 1000 --rooms 10 --senders 100 --messages 1000 --rate ${1#rate}";;
  esac
}

# For the fanout and dm scenarios: WARMUP=N, each sender first sends N untimed messages (JIT
# warm-up left out); WINDOW=W, at max rate a sender waits while W of its messages are undelivered.
traffic_args() {
  case "$1" in
    fanout*|dm|rate*) echo "${WARMUP:+--warmup $WARMUP} ${WINDOW:+--window $WINDOW}";;
  esac
}

for run in $(seq "${FIRST_RUN:-1}" "$runs"); do
  for scenario in "${scenarios[@]}"; do
    for server in "${servers[@]}"; do
      dir="$(mktemp -d)"
      pid="$(start_$server "$dir")"
      await_port
      sleep 1
      password=()
      [ "$server" = parley ] && password=(--password chat@123)
      echo "== run $run $scenario $server (pid $pid)"
      # shellcheck disable=SC2046
      bench $(scenario_args "$scenario") $(traffic_args "$scenario") --port "$port" "${password[@]}" --server-pid "$pid" \
        --json "$out/$scenario-$server-$run.json" | grep -E "deliveries_per_s|loss|latency_p50|latency_p99|registrations_per_s|registration_p99|rss_per_client|cpu_us_per|disconnected" || true
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      [ -n "${KEEP:-}" ] && echo "kept $dir" || rm -rf "$dir"
      port=$((port + 1))
    done
  done
done
