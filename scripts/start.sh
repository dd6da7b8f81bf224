#!/usr/bin/env bash
# Installs dependencies and starts the whole platform in one process on its embedded defaults
# (embedded event stores and read models under .data/, in-process bus: no external service needed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-env.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec npm start --silent
