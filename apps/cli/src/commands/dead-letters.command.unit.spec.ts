import { randomUUID } from 'node:crypto';
import { InProcessBus, type IntegrationMessage, PoisonMessageError } from '@alliance/messaging';
import { eventually } from '@alliance/testing';
import { deadLettersCommand } from './dead-letters.command';

describe('dead-letters command', () => {
  it('lists dead letters as a table or JSON and replays one by id', async () => {
    const bus = new InProcessBus();
    let fixed = false;
    const handled: string[] = [];
    await bus.subscribe({
      group: 'assessment',
      sources: ['catalogue'],
      handler: async (m) => {
        if (!fixed) throw new PoisonMessageError('unknown-version', `${m.type} v${m.version} arrived but this consumer handles only v1`);
        handled.push(m.eventId);
      },
    });
    const message: IntegrationMessage = {
      eventId: randomUUID(),
      type: 'catalogue.credential-spec.published',
      version: 1,
      key: 'agg-0',
      source: 'catalogue',
      occurredAt: new Date().toISOString(),
      correlationId: 'corr-0',
      causationId: 'cause-0',
      payload: { seq: 0 },
    };
    await bus.publish([{ ...message, version: 2 }]);

    const output: string[] = [];
    const run = (...args: string[]) =>
      deadLettersCommand({
        open: async () => ({ deadLetters: bus.deadLetters, close: async () => undefined }),
        write: (t) => output.push(t),
      })
        .exitOverride()
        .parseAsync(args, { from: 'user' });

    await run('list');
    expect(output[0].split('\n')[0]).toMatch(/^ID\s+TYPE\s+EVENT ID\s+KEY\s+TRIES\s+FAILED AT\s+REASON$/);
    expect(output[0]).toContain('assessment/1');
    expect(output[0]).toContain('catalogue.credential-spec.published v2');
    expect(output[0]).toContain('unknown-version: catalogue.credential-spec.published v2 arrived but this consumer handles only v1');

    output.length = 0;
    await run('list', '--json', '--group', 'assessment');
    expect(JSON.parse(output[0])).toMatchObject({ id: 'assessment/1', original: { key: 'agg-0' } });

    fixed = true;
    output.length = 0;
    await run('replay', 'assessment/1');
    expect(output).toEqual([`replayed assessment/1: catalogue.credential-spec.published v2 ${message.eventId} to group assessment`]);
    await eventually(() => expect(handled).toEqual([message.eventId]));

    output.length = 0;
    await run('list');
    expect(output).toEqual(['no dead letters']);
    await bus.close();
  });
});
