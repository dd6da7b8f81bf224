import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { IntegrationMessage } from '@alliance/messaging';

type PayloadClass<T> = new () => T;

/** Identity of a published domain fact, carried into the integration message (see `envelopeOf` in messaging). */
export interface MessageEnvelope {
  eventId: string;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
}

/** One version of one public integration event: its name, payload class and partition key. */
export interface IntegrationContract<T extends object = object> {
  /** `<context>.<aggregate>.<fact>`, e.g. `catalogue.credential-spec.published`. */
  readonly type: string;
  readonly version: number;
  /** The full versioned name, e.g. `catalogue.credential-spec.published.v1`. */
  readonly name: string;
  /** The publishing context: the topic the event travels on. */
  readonly source: string;
  readonly payload: PayloadClass<T>;
  /** Aggregate id of a payload: the partition key that keeps its events in order. */
  keyOf(payload: T): string;
  /** Validates `payload` and wraps it; throws a `ContractViolationError` rather than publish a bad event. */
  message(payload: T, envelope: MessageEnvelope): IntegrationMessage<T>;
  /** Turns untrusted JSON into a validated payload instance, or explains what is wrong. */
  parse(json: unknown): { ok: true; payload: T } | { ok: false; problems: string[] };
}

const TYPE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly contract: string,
    readonly problems: string[],
  ) {
    super(`${contract} payload is invalid: ${problems.join('; ')}`);
  }
}

export function defineContract<T extends object>(spec: {
  type: string;
  version: number;
  payload: PayloadClass<T>;
  key: (payload: T) => string;
}): IntegrationContract<T> {
  if (!TYPE_PATTERN.test(spec.type)) throw new TypeError(`"${spec.type}" is not <context>.<aggregate>.<fact>`);
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new TypeError(`${spec.type}: version must be a positive integer`);
  const name = `${spec.type}.v${spec.version}`;
  const source = spec.type.split('.')[0];
  const parse = (json: unknown) => {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return { ok: false as const, problems: ['payload must be a JSON object'] };
    }
    const payload = plainToInstance(spec.payload, json);
    const problems = flatten(validateSync(payload, { whitelist: true, forbidUnknownValues: true }));
    return problems.length > 0 ? { ok: false as const, problems } : { ok: true as const, payload };
  };
  return {
    type: spec.type,
    version: spec.version,
    name,
    source,
    payload: spec.payload,
    keyOf: spec.key,
    parse,
    message(payload, envelope) {
      const checked = parse(JSON.parse(JSON.stringify(payload)));
      if (!checked.ok) throw new ContractViolationError(name, checked.problems);
      return { ...envelope, type: spec.type, version: spec.version, source, key: spec.key(checked.payload), payload: checked.payload };
    },
  };
}

/**
 * The first version of each contract a context keys the same way: `learnerContract('enrolment.learner.enrolled', LearnerEnrolledV1)`
 * with `const learnerContract = firstVersionKeyedBy(byLearner)`.
 */
export function firstVersionKeyedBy<K extends object>(key: (payload: K) => string) {
  return <T extends K>(type: string, payload: PayloadClass<T>): IntegrationContract<T> =>
    defineContract({ type, version: 1, payload, key });
}

/** `learningOutcomes[0].description: must not be empty` style messages, readable in a dead letter. */
function flatten(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const at = path ? (/^\d+$/.test(e.property) ? `${path}[${e.property}]` : `${path}.${e.property}`) : e.property;
    const own = Object.values(e.constraints ?? {}).map(
      (m) => `${at}: ${m.startsWith(`${e.property} `) ? m.slice(e.property.length + 1) : m}`,
    );
    return [...own, ...flatten(e.children ?? [], at)];
  });
}
