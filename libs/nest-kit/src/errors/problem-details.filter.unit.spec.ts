import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Logger, Param } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DomainError, EmbeddedEventStore, type EventMetadata, newEventId, NO_STREAM, StorageFaultError } from '@alliance/event-sourcing';
import { ProblemDetailsFilter } from './problem-details.filter';

const METADATA: EventMetadata = {
  occurredAt: '2026-03-02T09:30:00.000Z',
  actor: { subject: 'registrar-1', role: 'registrar', institution: 'uni-a' },
  correlationId: 'corr-1',
  causationId: 'cause-1',
  institution: 'uni-a',
};

/** Routes whose writes lose to a concurrent one on a real embedded store. */
@Controller('writes')
class WritesController {
  static store: EmbeddedEventStore;

  @Get('stale/:id')
  async stale(@Param('id') id: string) {
    const stream = `probe.enrolment-${id}`;
    await WritesController.store.appendToStream(stream, [{ type: 'Opened', data: {}, metadata: METADATA }], {
      expectedRevision: NO_STREAM,
    });
    // Decided on the stream as it was before the write above: the store refuses it with WrongExpectedRevisionError.
    await WritesController.store.appendToStream(stream, [{ type: 'Closed', data: {}, metadata: METADATA }], {
      expectedRevision: NO_STREAM,
    });
  }

  @Get('reused-ids/:id')
  async reusedIds(@Param('id') id: string) {
    const eventId = newEventId();
    await WritesController.store.appendToStream(`probe.result-${id}-a`, [{ eventId, type: 'Published', data: {}, metadata: METADATA }], {
      expectedRevision: NO_STREAM,
    });
    // The same event id in another stream: EventIdConflictError.
    await WritesController.store.appendToStream(`probe.result-${id}-b`, [{ eventId, type: 'Published', data: {}, metadata: METADATA }], {
      expectedRevision: NO_STREAM,
    });
  }

  @Get('full-disk')
  fullDisk(): never {
    throw new StorageFaultError('disk-full', 'SQLITE_FULL: database or disk is full', '/data/probe/events.sqlite');
  }

  @Get('broken')
  broken(): never {
    throw new Error('a bug');
  }

  @Get('reused-result')
  reusedResult(): never {
    throw new DomainError('probe.result-id-reused', 'result id res-1 is already the result of another enrolment', 409, 'resultId', {
      rule: 'result-id-reused',
    });
  }
}

describe('ProblemDetailsFilter and concurrency conflicts', () => {
  let app: INestApplication;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'problem-details-'));
    WritesController.store = await EmbeddedEventStore.open({ dataDir });
    const moduleRef = await Test.createTestingModule({ controllers: [WritesController] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await WritesController.store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a WrongExpectedRevisionError from a handler with 409 concurrency-conflict, naming no stream or revision', async () => {
    const res = await request(app.getHttpServer()).get('/writes/stale/e-417');
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: 'https://alliance-credentials.example/problems/concurrency-conflict',
      title: 'Conflict',
      status: 409,
      code: 'concurrency-conflict',
    });
    expect(body.detail).toMatch(/read it again and retry/);
    expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
    expect(res.text).not.toMatch(/probe\.enrolment|revision|WRONG_EXPECTED_REVISION/i);
  });

  it('answers an EventIdConflictError with the same 409, naming no stream or event id', async () => {
    const res = await request(app.getHttpServer()).get('/writes/reused-ids/r-9');
    expect(res.status).toBe(409);
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 409, code: 'concurrency-conflict' });
    expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
    expect(res.text).not.toMatch(/probe\.result|EVENT_ID_CONFLICT|[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });

  it('keeps a domain error that means a conflict (a reused result id) as its context states it', async () => {
    const res = await request(app.getHttpServer()).get('/writes/reused-result');
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text)).toEqual({
      type: 'https://alliance-credentials.example/problems/probe.result-id-reused',
      title: 'Conflict',
      status: 409,
      detail: 'result id res-1 is already the result of another enrolment',
      code: 'probe.result-id-reused',
      errors: [{ field: 'resultId', message: 'result id res-1 is already the result of another enrolment' }],
      rule: 'result-id-reused',
      instance: '/writes/reused-result',
    });
  });

  it('logs a full disk as one warning without a stack (readiness reports it), and keeps error level for a real bug', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const error = jest.spyOn(Logger.prototype, 'error');
    try {
      const full = await request(app.getHttpServer()).get('/writes/full-disk');
      expect(full.status).toBe(507);
      expect(full.text).not.toContain('/data/probe');
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'storage.disk-full' }),
        'write refused: the storage cannot take it',
      );
      expect(error).not.toHaveBeenCalled();
      const bug = await request(app.getHttpServer()).get('/writes/broken');
      expect(bug.status).toBe(500);
      expect(error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'unhandled error');
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
