#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft, combined broker and controller) on loopback, for tests and CI.
#   bash infra/kafka/kafka.sh fetch|start|stop|restart|status
# Jars come from Maven Central (pom.xml next to this script) into .lib/; data and logs live in .run/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lib="$here/.lib"
run="$here/.run"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
pidfile="$run/kafka.pid"
logfile="$run/kafka.log"

log() { printf '{"level":"%s","time":"%s","component":"kafka","msg":"%s"}\n' "$1" "$(date -u +%FT%TZ)" "$2" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

answering() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

fetch() {
  if [ -f "$lib/.complete" ]; then return; fi
  command -v mvn >/dev/null || { log error "Maven (mvn) is needed to fetch the Kafka jars from Maven Central"; exit 1; }
  log info "fetching Kafka jars from Maven Central"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies >&2
  touch "$lib/.complete"
}

write_config() {
  mkdir -p "$run/data"
  cat > "$run/server.properties" <<PROPS
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
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
log.segment.bytes=104857600
PROPS
  cat > "$run/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$run/broker.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS
}

kjava() { java -Xms256m -Xmx512m -XX:+UseG1GC -Dlog4j.configuration="file:$run/log4j.properties" -cp "$lib/*" "$@"; }

start() {
  if running && answering; then log info "already running on 127.0.0.1:$port"; return; fi
  fetch
  write_config
  if [ ! -f "$run/data/meta.properties" ]; then
    log info "formatting KRaft storage in $run/data"
    [ -f "$run/cluster-id" ] || kjava kafka.tools.StorageTool random-uuid > "$run/cluster-id"
    kjava kafka.tools.StorageTool format -t "$(cat "$run/cluster-id")" -c "$run/server.properties" >/dev/null
  fi
  log info "starting broker on 127.0.0.1:$port"
  nohup java -Xms256m -Xmx512m -XX:+UseG1GC -Dlog4j.configuration="file:$run/log4j.properties" -cp "$lib/*" kafka.Kafka "$run/server.properties" >"$logfile" 2>&1 &
  echo $! > "$pidfile"
  wait_ready
}

wait_ready() {
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until answering && node "$here/health-check.cjs" "127.0.0.1:$port" >/dev/null 2>&1; do
    if ! running; then log error "broker exited during start-up; see $logfile and $run/broker.log"; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then log error "broker did not answer within the timeout; see $logfile and $run/broker.log"; exit 1; fi
    sleep 0.5
  done
  log info "broker ready on 127.0.0.1:$port"
}

stop() {
  if ! running; then rm -f "$pidfile"; log info "not running"; return; fi
  local pid; pid="$(cat "$pidfile")"
  log info "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log warn "broker did not stop within 30 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if running && answering; then echo "running"; else echo "stopped"; exit 1; fi ;;
  *) echo "usage: $0 fetch|start|stop|restart|status" >&2; exit 64 ;;
esac
