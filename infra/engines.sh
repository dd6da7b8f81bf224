#!/usr/bin/env bash
# The real engines the integration and end-to-end tests use: PostgreSQL and a Kafka broker.
#   bash infra/engines.sh up|down|status
# Idempotent, and quick when both are already up (the jest global setup calls `up` before every run).
# `down` stops only Kafka: PostgreSQL is the machine's cluster and other work may use it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  up)
    bash "$here/postgres/postgres.sh" start
    bash "$here/kafka/kafka.sh" start
    ;;
  down) bash "$here/kafka/kafka.sh" stop ;;
  status)
    rc=0
    bash "$here/postgres/postgres.sh" status || rc=1
    bash "$here/kafka/kafka.sh" status || rc=1
    exit "$rc"
    ;;
  *) echo "usage: $0 up|down|status" >&2; exit 64 ;;
esac
