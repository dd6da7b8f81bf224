#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft, combined broker and controller) on loopback, for tests and CI.
#   bash infra/kafka/kafka.sh fetch|start|stop|restart|status
# Every command is idempotent. Jars come from Maven Central (pom.xml next to this script) into .lib/;
# configuration, data, pid and log live in .run/ (both git-ignored), so data survives stop/start/restart.
#
# Environment:
#   KAFKA_PORT (9092)             PLAINTEXT listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT (9093)  KRaft controller listener on 127.0.0.1
#   KAFKA_RUN_DIR (.run)          a second, independent broker needs its own run dir and ports
#   KAFKA_HEAP_OPTS (-Xms128m -Xmx512m)
#   KAFKA_START_TIMEOUT (90), KAFKA_STOP_TIMEOUT (30)   seconds
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/.lib"
run="${KAFKA_RUN_DIR:-$here/.run}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
heap_opts="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
start_timeout="${KAFKA_START_TIMEOUT:-90}"
stop_timeout="${KAFKA_STOP_TIMEOUT:-30}"
pidfile="$run/kafka.pid"
logfile="$run/kafka.log"
config="$run/server.properties"

json_string() {
  local s="${1//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}
log() {
  printf '{"level":"%s","time":"%s","component":"kafka","port":%s,"msg":%s}\n' \
    "$1" "$(date -u +%FT%TZ)" "$port" "$(json_string "$2")"
}
die() { log error "$1"; exit 1; }

# The last error the broker logged, to put in front of whoever reads a failed start.
last_error() {
  local line
  # Only since the latest start marker: earlier runs' errors would mislead.
  line="$(awk '/^===== .* starting =====$/ { last = "" } /ERROR|FATAL|Exception/ { last = $0 } END { print last }' "$logfile" 2>/dev/null |
    tr -d '\000-\037' | cut -c1-300)" || true
  [ -n "$line" ] && printf '; last error: %s' "$line"
  return 0
}

# Prints the pid of the broker this run dir started, if it is alive. The command line is checked too,
# because after a reboot or a crash the pid in the file may belong to an unrelated process.
broker_pid() {
  local pid
  pid="$(cat "$pidfile" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  ps -ww -p "$pid" -o args= 2>/dev/null | grep -qF "kafka.Kafka $config" || return 1
  echo "$pid"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# A metadata request, not just an open port: the listener is bound a little before the broker is unfenced.
answers() { listening && node --no-warnings "$here/health-check.cjs" "127.0.0.1:$port" >/dev/null 2>&1; }

# Serialises start/stop/restart/fetch: several test runs may call `engines.sh up` at the same moment.
lock() {
  mkdir -p "$run"
  exec 9>"$run/.lock"
  flock -w 600 9 || die "another kafka.sh is still busy after 600 s (lock $run/.lock)"
}

fetch() {
  local stamp
  stamp="$(sha256sum "$here/pom.xml" | cut -d' ' -f1)"
  if [ "$(cat "$lib/.fetched" 2>/dev/null)" = "$stamp" ]; then return; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch the Kafka jars from Maven Central"
  command -v java >/dev/null || die "Java 17 or newer is needed to run the Kafka broker"
  log info "fetching the Kafka jars from Maven Central into $lib"
  # Copied aside and swapped in, so a broker still running from the old jars is not disturbed
  # and an interrupted download never looks complete.
  rm -rf "$lib.new"
  mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib.new" >&2 ||
    die "Maven could not fetch the Kafka jars; check access to Maven Central (repo1.maven.org)"
  ls "$lib.new"/kafka_2.13-*.jar >/dev/null 2>&1 || die "the Kafka jar is missing from $lib.new after the fetch"
  echo "$stamp" > "$lib.new/.fetched"
  rm -rf "$lib.old"
  if [ -d "$lib" ]; then mv "$lib" "$lib.old"; fi
  mv "$lib.new" "$lib"
  rm -rf "$lib.old"
  log info "fetched $(ls "$lib"/kafka_2.13-*.jar | xargs -n1 basename)"
}

write_config() {
  mkdir -p "$run/data"
  cat > "$config.tmp" <<PROPS
# Written by infra/kafka/kafka.sh on every start; edits here are lost.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$run/data
num.partitions=3
default.replication.factor=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
# Fewer offsets partitions than the default 50 keep the first group join (which creates the topic) quick.
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
# The compaction dedupe buffer lives on the heap: 128 MiB by default, too much next to -Xmx512m.
log.cleaner.dedupe.buffer.size=16777216
log.retention.hours=168
log.segment.bytes=104857600
PROPS
  mv "$config.tmp" "$config"
  cat > "$run/log4j.properties" <<PROPS
# Life-cycle messages and problems only: tests create many topics, and INFO for each fills the log.
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.Kafka\$=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
log4j.logger.kafka.server.ControllerServer=INFO
PROPS
}

# Kafka's own id format: 16 random bytes, base64url without padding, never starting with '-'.
new_cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    if [ "${#id}" = 22 ] && [ "${id:0:1}" != "-" ]; then echo "$id"; return; fi
  done
}

java_opts() {
  # shellcheck disable=SC2086 # heap options are a list on purpose
  printf '%s\n' $heap_opts -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true "-Dlog4j.configuration=file:$run/log4j.properties"
}

format_storage() {
  if [ -f "$run/data/meta.properties" ]; then return; fi
  local cluster_id
  cluster_id="$(new_cluster_id)"
  log info "formatting KRaft storage in $run/data (cluster $cluster_id)"
  local opts
  mapfile -t opts < <(java_opts)
  java "${opts[@]}" -cp "$lib/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >>"$logfile" 2>&1 ||
    die "formatting the KRaft storage failed; see $logfile"
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + start_timeout))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pidfile"
      die "the broker exited during start-up; see $logfile$(last_error)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      die "the broker (pid $pid) did not answer a metadata request within ${start_timeout} s; see $logfile$(last_error)"
    fi
    sleep 0.25
  done
}

start() {
  local pid began=$SECONDS
  if pid="$(broker_pid)"; then
    # An open port is enough here: a start that was still on its way held the lock until the broker was
    # ready, and the jest global setup runs this before every test run, so it has to stay quick.
    if listening; then log info "already running (pid $pid)"; return; fi
    log info "broker (pid $pid) is starting; waiting for it"
    wait_ready "$pid"
    log info "ready (pid $pid)"
    return
  fi
  if answers; then
    log warn "a Kafka broker that this script did not start already answers on 127.0.0.1:$port; using it"
    return
  fi
  if listening; then die "127.0.0.1:$port is taken by a program that is not a Kafka broker"; fi
  command -v node >/dev/null || die "Node.js is needed for the start-up health check (source scripts/node-env.sh)"
  fetch
  write_config
  if [ -f "$logfile" ] && [ "$(stat -c %s "$logfile")" -gt 20000000 ]; then mv -f "$logfile" "$logfile.1"; fi
  format_storage
  printf '\n===== %s starting =====\n' "$(date -u +%FT%TZ)" >> "$logfile"
  local opts
  mapfile -t opts < <(java_opts)
  # setsid: the broker must outlive the shell (and the jest worker) that started it.
  # 9>&-: the broker must not inherit (and so hold) the lock of this script.
  setsid nohup java "${opts[@]}" -cp "$lib/*" kafka.Kafka "$config" >>"$logfile" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" > "$pidfile"
  log info "starting (pid $pid)"
  wait_ready "$pid"
  log info "ready on 127.0.0.1:$port (pid $pid) after $((SECONDS - began)) s"
}

stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$pidfile"
    log info "not running"
    return
  fi
  log info "stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + stop_timeout))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log warn "the broker did not stop within ${stop_timeout} s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$pidfile"
  log info "stopped"
}

status() {
  local pid state level=info rc=0
  if pid="$(broker_pid)"; then
    if answers; then state=running; else state="not answering"; level=warn; rc=1; fi
  elif answers; then
    state="running (not started by this script)"; pid=null
  else
    state=stopped; pid=null; rc=1
  fi
  printf '{"level":"%s","time":"%s","component":"kafka","port":%s,"msg":"%s","pid":%s,"dir":%s}\n' \
    "$level" "$(date -u +%FT%TZ)" "$port" "$state" "$pid" "$(json_string "$run")"
  return "$rc"
}

case "${1:-}" in
  fetch) lock; fetch ;;
  start) lock; start ;;
  stop) lock; stop ;;
  restart) lock; stop; start ;;
  status) status ;;
  *) echo "usage: $0 fetch|start|stop|restart|status" >&2; exit 64 ;;
esac
