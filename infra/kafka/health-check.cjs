// Exits 0 once the broker answers a metadata request (used by kafka.sh while starting).
const { Kafka, logLevel } = require('kafkajs');

const admin = new Kafka({ clientId: 'health-check', brokers: [process.argv[2] ?? '127.0.0.1:9092'], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
admin
  .connect()
  .then(() => admin.describeCluster())
  .then(() => admin.disconnect())
  .then(() => process.exit(0))
  .catch(() => process.exit(1));
