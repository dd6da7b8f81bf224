#!/usr/bin/env bash
# The machine's PostgreSQL cluster on 127.0.0.1:5432 (trust auth, user postgres), started when it is down.
#   bash infra/postgres/postgres.sh start|status
# Never stopped from here: the cluster belongs to the machine, not to this repository.
set -euo pipefail
host=127.0.0.1
port="${PGPORT:-5432}"

log() {
  printf '{"level":"%s","time":"%s","component":"postgres","port":%s,"msg":"%s"}\n' "$1" "$(date -u +%FT%TZ)" "$port" "$2"
}
ready() { pg_isready -h "$host" -p "$port" -q 2>/dev/null; }

start() {
  if ready; then return; fi
  command -v pg_isready >/dev/null || { log error "pg_isready is missing: install the PostgreSQL client and server packages"; exit 1; }
  local version
  # The newest installed major version, should there be several.
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
  [ -n "$version" ] || { log error "no PostgreSQL cluster under /etc/postgresql"; exit 1; }
  log info "starting the local PostgreSQL $version cluster"
  # A cluster that is already running (but was not ready a moment ago) makes pg_ctlcluster fail; readiness decides.
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  local deadline=$((SECONDS + ${PG_START_TIMEOUT:-60}))
  until ready; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log error "PostgreSQL is not ready on $host:$port; see /var/log/postgresql/postgresql-$version-main.log"
      exit 1
    fi
    sleep 0.25
  done
  log info "ready on $host:$port"
}

case "${1:-}" in
  start) start ;;
  status)
    if ready; then log info "running"; else log info "stopped"; exit 1; fi ;;
  *) echo "usage: $0 start|status" >&2; exit 64 ;;
esac
