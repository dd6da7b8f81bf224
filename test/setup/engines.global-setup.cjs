// Integration and end-to-end tests run against the real engines: make sure PostgreSQL and Kafka are up
// (idempotent: does nothing when .ci/run or the developer already started them).
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function engines() {
  if (process.env.SKIP_ENGINES_UP === '1') return;
  execFileSync('bash', [path.join(__dirname, '..', '..', 'infra', 'engines.sh'), 'up'], { stdio: 'inherit' });
};
