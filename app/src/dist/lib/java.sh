# The JVM command line both launchers run Parley with: bin/parley in the distribution and ./parley in
# a source checkout source this file, so their choices cannot drift apart.
#   parley_exec_java JAR ARGS...   replaces the shell with the JVM running JAR with ARGS.
# The JVM: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
# PARLEY_JAVA_OPTS adds JVM options, e.g. PARLEY_JAVA_OPTS=-Xmx512m.

parley_exec_java() {
  local jar="$1"
  shift
  local java=java
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
  fi

  # The collector, unless PARLEY_JAVA_OPTS names one: G1, whose pauses stay within about 20 ms as the
  # heap grows with connections (the serial collector's full collections took 100-130 ms each with
  # 20,000 clients, which a client registering then waited out), at the same throughput on 2 cores;
  # on a single core the serial collector, told to give memory back after a collection. See
  # docs/performance.md.
  local gc=()
  if [[ " ${PARLEY_JAVA_OPTS:-} " != *" -XX:+Use"*"GC"* ]]; then
    if [ "$(nproc 2>/dev/null || echo 1)" -le 1 ]; then
      gc=(-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20)
    else
      gc=(-XX:+UseG1GC)
    fi
  fi

  # After an OutOfMemoryError a JVM may go on half-alive (threads dead, locks held, spinning, deaf to
  # SIGTERM): exit at once instead, so a supervisor restarts the server. PARLEY_JAVA_OPTS comes later
  # on the line, so -XX:-ExitOnOutOfMemoryError there (or -XX:+CrashOnOutOfMemoryError) wins.
  # PARLEY_JAVA_OPTS is split on spaces on purpose, like JAVA_OPTS elsewhere.
  # shellcheck disable=SC2086
  exec "$java" "${gc[@]}" -Xms64m -XX:+ExitOnOutOfMemoryError ${PARLEY_JAVA_OPTS:-} -jar "$jar" "$@"
}
