import { monitorEventLoopDelay } from 'node:perf_hooks';

type IntervalHistogram = ReturnType<typeof monitorEventLoopDelay>;

/** One sample of the process's load: the 99th percentile event-loop delay over the last window, in ms. */
export interface PressureSample {
  delayMs: number;
  saturated: boolean;
}

/** What admission control listens to: a sample every window. */
export interface PressureSignal {
  subscribe(listener: (sample: PressureSample) => void): () => void;
}

/**
 * The event loop's delay (perf_hooks.monitorEventLoopDelay), sampled every `windowMs`: the process counts as
 * saturated while the 99th percentile delay of a window exceeds `thresholdMs`. One monitor per process and
 * threshold, shared by every service the process runs (they share the event loop); it runs while anyone listens.
 */
export class EventLoopPressure implements PressureSignal {
  private static readonly shared = new Map<string, EventLoopPressure>();
  private readonly listeners = new Set<(sample: PressureSample) => void>();
  private histogram?: IntervalHistogram;
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
    const sample = { delayMs, saturated: delayMs > this.thresholdMs };
    for (const listener of this.listeners) listener(sample);
  }
}
