#!/usr/bin/env bash
# Installs dependencies and runs every test kind: type check, lint, unit, integration and end-to-end
# (the last two against the real PostgreSQL and Kafka engines of infra/, started here and stopped after).
#   bash scripts/test.sh              install (npm ci) and run everything
#   bash scripts/test.sh --no-install run everything with the installed dependencies
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
export NX_DAEMON=false NX_NO_CLOUD=true
# On two cores jest runs each project in one process, which keeps every spec file's modules it cannot free: the unit
# project outgrew V8's default heap (about 3.3 GB here). A larger limit, not a reservation.
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--max-old-space-size=8192"

log() { printf '{"level":"info","time":"%s","msg":"%s"}\n' "$(date -u +%FT%TZ)" "$*"; }

if [ "${1:-}" != "--no-install" ]; then
  log "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

kafka_was_running=0
bash infra/kafka/kafka.sh status >/dev/null 2>&1 && kafka_was_running=1
cleanup() {
  if [ "$kafka_was_running" = 0 ]; then bash infra/engines.sh down || true; fi
}
trap cleanup EXIT
log "starting engines (PostgreSQL, Kafka)"
bash infra/engines.sh up
export SKIP_ENGINES_UP=1

log "type check"; npm run --silent typecheck
log "lint"; npm run --silent lint
log "unit tests"; npx jest --selectProjects unit --ci --forceExit
log "integration tests (real PostgreSQL and Kafka)"; npx jest --selectProjects int --ci --runInBand --forceExit
log "build"; npm run --silent build
log "end-to-end tests"; npx jest --selectProjects e2e --ci --runInBand --forceExit
log "all tests passed"
