import { Command } from 'commander';
import { join } from 'node:path';
import { DistributedLauncher } from '../distributed/distributed-launcher';

/** `distributed up`: every service in its own process over Kafka and PostgreSQL, until Ctrl+C. */
export function distributedCommand(): Command {
  const distributed = new Command('distributed').description('run the platform in distributed mode on the local engines');
  distributed
    .command('up')
    .description('start PostgreSQL and Kafka (infra/) and every service as a separate process; Ctrl+C stops them')
    .option('--replicas <list>', 'extra replicas, e.g. verification=1,enrolment=1', '')
    .action(async (o: { replicas: string }) => {
      const replicas = Object.fromEntries(
        o.replicas
          .split(',')
          .filter(Boolean)
          .map((pair) => {
            const [name, n] = pair.split('=');
            if (!name || !n || !/^\d+$/.test(n)) throw new Error(`--replicas expects name=count pairs, got ${pair}`);
            return [name, Number(n)];
          }),
      );
      const launcher = new DistributedLauncher({ repoRoot: join(__dirname, '..', '..', '..', '..', '..'), replicas });
      const stop = () => void launcher.down().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const processes = await launcher.up();
        process.stdout.write('\nDistributed platform running (PostgreSQL + Kafka):\n');
        for (const p of processes) process.stdout.write(`  ${`${p.service}#${p.replica}`.padEnd(16)} ${p.url}  docs: ${p.url}/docs\n`);
        process.stdout.write('\nStop with Ctrl+C.\n');
      } catch (e) {
        await launcher.down();
        throw e;
      }
    });
  return distributed;
}
