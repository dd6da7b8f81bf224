import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER } from '../../context/correlation.middleware';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../../errors/problem';
import type { PressureSample, PressureSignal } from './event-loop-pressure';

export interface AdmissionOptions {
  /** Governed requests in flight per service while the process is not saturated (the limit grows back to it). */
  maxInFlight: number;
  /** Governed requests in flight per service at the deepest throttle. */
  minInFlight: number;
  /**
   * Longest pause between two admissions once the limit is at its floor and the process is still saturated
   * (the pause grows fourfold per saturated window from 5 ms, and halves per calm one before the limit grows again).
   */
  maxPauseMs: number;
  /** Governed requests waiting for a place; beyond, 503 at once. */
  queueLength: number;
  /** How long a request may wait for a place before it is answered 503. */
  queueTimeoutMs: number;
  /** Seconds clients are told to wait (Retry-After) when refused. */
  retryAfterSeconds?: number;
}

type Next = (error?: unknown) => void;
interface Waiting {
  lane: string;
  res: ServerResponse;
  next: Next;
  timer: NodeJS.Timeout;
  gone: () => void;
}

/**
 * Keeps reads from crowding out the background work (projections, reactions, the bus) that shares the event loop.
 * Requests it governs: reads (GET, HEAD, OPTIONS) and anonymous requests (no Authorization header), never health
 * probes; staff commands pass untouched. Each window the pressure signal reports whether the process is
 * saturated; the limit of governed requests in flight then halves (from those in flight or waiting, when fewer;
 * down to `minInFlight`), and once at that floor
 * admissions are paced (a pause between two, fourfold per saturated window up to `maxPauseMs`, so that a burst of
 * reads arriving in the middle of background work is paced within a few windows, not a second): even one read at
 * a time, back to back, would take the loop from the work it is meant to leave room for. Calm windows undo it
 * step by step: the pause halves, then the limit grows by one (up to `maxInFlight`). Requests beyond the limit
 * wait in one queue per route (the first path segment: `/credentials`, `/status-lists`...), first come first
 * served within it, and the queues take turns: a costly read waited for by many clients cannot keep a cheap one
 * (a status list a verification needs) waiting behind all of them. When `queueLength` requests wait, or one
 * waited `queueTimeoutMs`, it is answered 503 problem+json `service.overloaded` with Retry-After.
 */
export class AdmissionControl {
  private limit: number;
  private pauseMs = 0;
  private lastAdmittedAt = 0;
  private paced?: NodeJS.Timeout;
  private inFlight = 0;
  private waiting = 0;
  /** Waiting requests by route, in turn order: the next admitted comes from the first, which then goes last. */
  private readonly lanes = new Map<string, Waiting[]>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly options: AdmissionOptions,
    signal: PressureSignal,
  ) {
    this.limit = options.maxInFlight;
    this.unsubscribe = signal.subscribe((sample) => this.adjust(sample));
  }

  /** Express-style middleware; mount it before anything that does per-request work. */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if (!governed(req)) return next();
    if (this.waiting === 0 && this.inFlight < this.limit && this.paceLeftMs() === 0) return this.admit(res, next);
    if (this.waiting >= this.options.queueLength) return this.refuse(req, res, 'the queue of waiting requests is full');
    const waiting: Waiting = {
      lane: laneOf(req),
      res,
      next,
      timer: setTimeout(() => {
        this.remove(waiting);
        this.refuse(req, res, `no place within ${this.options.queueTimeoutMs} ms`);
      }, this.options.queueTimeoutMs),
      gone: () => this.remove(waiting),
    };
    res.once('close', waiting.gone);
    const lane = this.lanes.get(waiting.lane);
    if (lane) lane.push(waiting);
    else this.lanes.set(waiting.lane, [waiting]);
    this.waiting++;
    this.drain();
  };

  /** What the service is doing now (for tests and diagnostics). */
  state(): { limit: number; pauseMs: number; inFlight: number; waiting: number } {
    return { limit: this.limit, pauseMs: this.pauseMs, inFlight: this.inFlight, waiting: this.waiting };
  }

  close(): void {
    this.unsubscribe();
    clearTimeout(this.paced);
    for (const lane of this.lanes.values()) for (const w of lane) clearTimeout(w.timer);
    this.lanes.clear();
    this.waiting = 0;
  }

  private adjust({ saturated }: PressureSample): void {
    const { minInFlight, maxInFlight, maxPauseMs } = this.options;
    if (saturated) {
      // Halved from what is in use when that is less: a limit of 64 with 10 reads in flight would take three windows to bite.
      if (this.limit > minInFlight)
        this.limit = Math.max(minInFlight, Math.floor(Math.min(this.limit, Math.max(this.inFlight + this.waiting, 1)) / 2));
      else this.pauseMs = Math.min(maxPauseMs, Math.max(MIN_PAUSE_MS, this.pauseMs * 4));
    } else if (this.pauseMs > 0) {
      this.pauseMs = this.pauseMs / 2 < MIN_PAUSE_MS ? 0 : this.pauseMs / 2;
    } else {
      this.limit = Math.min(maxInFlight, this.limit + 1);
    }
    this.drain();
  }

  private paceLeftMs(): number {
    return this.pauseMs === 0 ? 0 : Math.max(0, this.lastAdmittedAt + this.pauseMs - Date.now());
  }

  private admit(res: ServerResponse, next: Next): void {
    this.inFlight++;
    this.lastAdmittedAt = Date.now();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.drain();
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  }

  private drain(): void {
    while (this.inFlight < this.limit && this.waiting > 0) {
      const left = this.paceLeftMs();
      if (left > 0) {
        this.paced ??= setTimeout(() => {
          this.paced = undefined;
          this.drain();
        }, left);
        return;
      }
      const w = this.nextInTurn();
      clearTimeout(w.timer);
      w.res.off('close', w.gone);
      this.admit(w.res, w.next);
    }
  }

  private nextInTurn(): Waiting {
    const [name, lane] = this.lanes.entries().next().value!;
    const w = lane.shift()!;
    this.lanes.delete(name);
    if (lane.length > 0) this.lanes.set(name, lane);
    this.waiting--;
    return w;
  }

  private remove(waiting: Waiting): void {
    clearTimeout(waiting.timer);
    const lane = this.lanes.get(waiting.lane);
    const i = lane ? lane.indexOf(waiting) : -1;
    if (i < 0) return;
    lane!.splice(i, 1);
    this.waiting--;
    if (lane!.length === 0) this.lanes.delete(waiting.lane);
  }

  private refuse(req: IncomingMessage, res: ServerResponse, why: string): void {
    if (res.headersSent || res.destroyed) return;
    const incoming = req.headers[CORRELATION_HEADER] ?? req.headers['x-request-id'];
    const correlationId = typeof incoming === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    const body = JSON.stringify({
      type: `${PROBLEM_TYPE_BASE}service.overloaded`,
      title: 'Service Unavailable',
      status: 503,
      detail: `The service is busy with its background work (${why}); retry after the time in Retry-After.`,
      code: 'service.overloaded',
      correlationId,
    });
    res.writeHead(503, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': Buffer.byteLength(body),
      'retry-after': String(this.options.retryAfterSeconds ?? 1),
      [CORRELATION_HEADER]: correlationId,
    });
    res.end(body);
  }
}

const MIN_PAUSE_MS = 5;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The route a request waits under: its first path segment. */
function laneOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const end = url.slice(1).search(/[/?#]/);
  return end < 0 ? url.slice(1) : url.slice(1, end + 1);
}

/** Carries a request one service of this process already admitted to another service of the same process. */
export const IN_PROCESS_ADMISSION_HEADER = 'x-admitted-in-process';
const PROCESS_PASS = Buffer.from(randomBytes(24).toString('base64url'));

/**
 * Headers for a call from a request this process admitted (verification fetching a status list of issuance) to
 * another service of the same process: it is not held back a second time, since both share one event loop and
 * the work was already let in once; waiting twice only chains the queues. The value is drawn per process, so it
 * means nothing to another process and cannot be guessed by a client.
 */
export function inProcessAdmissionHeaders(): Record<string, string> {
  return { [IN_PROCESS_ADMISSION_HEADER]: PROCESS_PASS.toString() };
}

function admittedInProcess(req: IncomingMessage): boolean {
  const pass = req.headers[IN_PROCESS_ADMISSION_HEADER];
  return typeof pass === 'string' && pass.length === PROCESS_PASS.length && timingSafeEqual(Buffer.from(pass), PROCESS_PASS);
}

/** Reads and anonymous requests are governed; health probes never are, nor calls admitted in this process already. */
export function governed(req: IncomingMessage): boolean {
  if ((req.url ?? '').startsWith('/health/')) return false;
  if (admittedInProcess(req)) return false;
  return READS.has(req.method ?? '') || req.headers.authorization === undefined;
}
