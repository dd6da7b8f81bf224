/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script that node runs directly */
// Exits 0 once the broker at argv[2] is usable by clients; kafka.sh polls it while the broker starts.
// Single attempts with short timeouts: the caller does the retrying and owns the overall deadline.
//
// Answering a metadata request is not enough after a restart: for a second or so the group coordinator is
// still taking over the partitions of __consumer_offsets, and offset fetches fail with NOT_COORDINATOR
// (which kafkajs' admin client does not retry). So one group per offsets partition is described too.
const { Kafka, logLevel } = require('kafkajs');

const broker = process.argv[2] ?? '127.0.0.1:9092';
const admin = new Kafka({
  clientId: 'kafka-sh-health-check',
  brokers: [broker],
  logLevel: logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 2000,
  retry: { retries: 0 },
}).admin();

// The broker maps a group to an offsets partition by the Java hash code of its id.
function offsetsPartitionOf(groupId, partitions) {
  let hash = 0;
  for (let i = 0; i < groupId.length; i++) hash = (Math.imul(31, hash) + groupId.charCodeAt(i)) | 0;
  return (hash & 0x7fffffff) % partitions;
}

function probeGroups(partitions) {
  const groups = new Map();
  for (let n = 0; groups.size < partitions; n++) {
    const id = `kafka-sh-health-check-${n}`;
    const partition = offsetsPartitionOf(id, partitions);
    if (!groups.has(partition)) groups.set(partition, id);
  }
  return [...groups.values()];
}

async function check() {
  const cluster = await admin.describeCluster();
  if (cluster.brokers.length === 0) throw new Error('no broker registered yet');
  // No offsets topic yet: the first group join creates it, and there is nothing to load.
  if (!(await admin.listTopics()).includes('__consumer_offsets')) return;
  const {
    topics: [offsets],
  } = await admin.fetchTopicMetadata({ topics: ['__consumer_offsets'] });
  const { groups } = await admin.describeGroups(probeGroups(offsets.partitions.length));
  const failing = groups.filter((g) => g.errorCode !== 0);
  if (failing.length > 0) throw new Error(`${failing.length} group coordinators are not ready yet`);
}

admin
  .connect()
  .then(check)
  .then(async () => {
    await admin.disconnect();
    process.exit(0);
  })
  .catch((error) => {
    process.stderr.write(`${broker}: ${error.message}\n`);
    process.exit(1);
  });
