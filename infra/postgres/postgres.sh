#!/usr/bin/env bash
# The machine's PostgreSQL cluster on 127.0.0.1:5432 (trust auth, user postgres), started when it is down.
#   bash infra/postgres/postgres.sh start|status
set -euo pipefail
log() { printf '{"level":"%s","time":"%s","component":"postgres","msg":"%s"}\n' "$1" "$(date -u +%FT%TZ)" "$2" >&2; }
ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

case "${1:-}" in
  start)
    if ready; then exit 0; fi
    log info "starting the local PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 1 60); do ready && { log info "PostgreSQL ready on 127.0.0.1:5432"; exit 0; }; sleep 0.5; done
    log error "PostgreSQL did not become ready; check /var/log/postgresql/"
    exit 1 ;;
  status) if ready; then echo running; else echo stopped; exit 1; fi ;;
  *) echo "usage: $0 start|status" >&2; exit 64 ;;
esac
