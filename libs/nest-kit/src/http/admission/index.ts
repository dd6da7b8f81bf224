import type { ServiceConfig } from '../../config/service-config';
import { AdmissionControl } from './admission-control';
import { EventLoopPressure } from './event-loop-pressure';

export * from './admission-control';
export * from './event-loop-pressure';

/** The service's admission control as configured (ADMISSION_*), on the process's event-loop pressure; undefined when off. */
export function admissionControlOf(config: ServiceConfig): AdmissionControl | undefined {
  if (config.ADMISSION_LOOP_DELAY_MS === 0) return undefined;
  return new AdmissionControl(
    {
      maxInFlight: config.ADMISSION_MAX_IN_FLIGHT,
      minInFlight: Math.min(config.ADMISSION_MIN_IN_FLIGHT, config.ADMISSION_MAX_IN_FLIGHT),
      maxPauseMs: config.ADMISSION_MAX_PAUSE_MS,
      queueLength: config.ADMISSION_QUEUE_LENGTH,
      queueTimeoutMs: config.ADMISSION_QUEUE_TIMEOUT_MS,
    },
    EventLoopPressure.forProcess(config.ADMISSION_LOOP_DELAY_MS),
  );
}
