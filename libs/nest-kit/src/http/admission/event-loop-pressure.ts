import { type EventLoopUtilization, monitorEventLoopDelay, performance } from 'node:perf_hooks';

type IntervalHistogram = ReturnType<typeof monitorEventLoopDelay>;

/** One sample of the process's load: the 99th percentile event-loop delay over the last window, in ms. */
export interface PressureSample {
  delayMs: number;
  /** Share of the window the loop was busy running callbacks (perf_hooks event-loop utilization), 0..1. */
  utilisation?: number;
  saturated: boolean;
}

/** Below this share of busy time a window is not saturated, whatever its delay. */
export const MIN_SATURATED_UTILISATION = 0.5;
/** From this share of busy time on a window is saturated, whatever its delay. */
export const FULL_UTILISATION = 0.9;

/**
 * Saturated: the loop was busy for nearly all of the window (work queued for it all the time, even in short
 * callbacks that keep the delay low), or the delay is over the threshold while it was busy at least half the
 * window. A long delay of a mostly idle loop is the machine's doing (other processes on the same cores), not
 * this process's work, and holding reads back would free nothing for the background work.
 */
export function saturatedWindow(delayMs: number, utilisation: number, thresholdMs: number): boolean {
  return utilisation >= FULL_UTILISATION || (delayMs > thresholdMs && utilisation >= MIN_SATURATED_UTILISATION);
}

/** What admission control listens to: a sample every window. */
export interface PressureSignal {
  subscribe(listener: (sample: PressureSample) => void): () => void;
}

/**
 * The event loop's delay (perf_hooks.monitorEventLoopDelay), sampled every `windowMs`: the process counts as
 * saturated while the 99th percentile delay of a window exceeds `thresholdMs` and the loop was busy for at least
 * half of it, or while it was busy for nearly all of it (see saturatedWindow). One monitor per process and
 * threshold, shared by every service the process runs (they share the event loop); it runs while anyone listens.
 */
export class EventLoopPressure implements PressureSignal {
  private static readonly shared = new Map<string, EventLoopPressure>();
  private readonly listeners = new Set<(sample: PressureSample) => void>();
  private histogram?: IntervalHistogram;
  private utilisation?: EventLoopUtilization;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly thresholdMs: number,
    private readonly windowMs = 200,
  ) {}

  static forProcess(thresholdMs: number, windowMs = 200): EventLoopPressure {
    const key = `${thresholdMs}/${windowMs}`;
    let pressure = EventLoopPressure.shared.get(key);
    if (!pressure) EventLoopPressure.shared.set(key, (pressure = new EventLoopPressure(thresholdMs, windowMs)));
    return pressure;
  }

  subscribe(listener: (sample: PressureSample) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private start(): void {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.utilisation = performance.eventLoopUtilization();
    this.timer = setInterval(() => this.sample(), this.windowMs);
    this.timer.unref();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.histogram?.disable();
    this.timer = undefined;
    this.histogram = undefined;
  }

  private sample(): void {
    if (!this.histogram) return;
    const delayMs = this.histogram.count > 0 ? this.histogram.percentile(99) / 1e6 : 0;
    this.histogram.reset();
    const now = performance.eventLoopUtilization();
    const utilisation = this.utilisation ? performance.eventLoopUtilization(now, this.utilisation).utilization : 1;
    this.utilisation = now;
    const sample = { delayMs, utilisation, saturated: saturatedWindow(delayMs, utilisation, this.thresholdMs) };
    for (const listener of this.listeners) listener(sample);
  }
}
