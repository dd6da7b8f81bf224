#!/usr/bin/env bash
# The real engines the integration and end-to-end tests use: PostgreSQL and a Kafka broker.
#   bash infra/engines.sh up|down|status     (idempotent; `down` leaves the machine's PostgreSQL running)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  up) bash "$here/postgres/postgres.sh" start && bash "$here/kafka/kafka.sh" start ;;
  down) bash "$here/kafka/kafka.sh" stop ;;
  status) bash "$here/postgres/postgres.sh" status; bash "$here/kafka/kafka.sh" status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 64 ;;
esac
