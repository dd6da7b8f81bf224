import { type PersonalDataVault, SEALING_SCHEME } from './personal-data-vault';

/** What a sealed value reads as once its learner is erased: the same marker for every field. */
export const ERASED = '[erased]';

/**
 * A personal value as stored: sealed with its learner's key, named by the field it was sealed for. It is
 * self-describing, so event data, read-model rows and an auditor's view all show it as sealed, never clear.
 */
export interface SealedValue {
  $sealed: typeof SEALING_SCHEME;
  keyId: string;
  field: string;
  value: string;
}

export const isSealedValue = (v: unknown): v is SealedValue =>
  typeof v === 'object' && v !== null && (v as SealedValue).$sealed === SEALING_SCHEME && typeof (v as SealedValue).value === 'string';

/** The value at a dot path, or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);
}

function setAt(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data) as Record<string, unknown>;
  parent[keys[keys.length - 1]] = value;
}

/**
 * A copy of `data` whose values at `paths` (any JSON value; absent ones are skipped) are sealed with the
 * learner's key. Values already sealed stay as they are.
 */
export async function sealPaths<T>(vault: PersonalDataVault, learnerId: string, data: T, paths: readonly string[]): Promise<T> {
  // The erasure marker is nobody's data: sealing it would give an erased learner a new key, under which their
  // earlier sealed values no longer open.
  const present = paths.filter((p) => {
    const v = valueAt(data, p);
    return v !== undefined && v !== null && v !== ERASED && !isSealedValue(v);
  });
  if (present.length === 0) return data;
  const sealed = await vault.seal(learnerId, Object.fromEntries(present.map((p) => [p, JSON.stringify(valueAt(data, p))])));
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const field of present)
    setAt(copy, field, { $sealed: SEALING_SCHEME, keyId: learnerId, field, value: sealed.fields[field]! } satisfies SealedValue);
  return copy as T;
}

function collect(node: unknown, into: SealedValue[]): void {
  if (isSealedValue(node)) into.push(node);
  else if (Array.isArray(node)) node.forEach((n) => collect(n, into));
  else if (typeof node === 'object' && node !== null) Object.values(node).forEach((n) => collect(n, into));
}

/** Does `data` hold a sealed value anywhere? */
export function hasSealedValues(data: unknown): boolean {
  const found: SealedValue[] = [];
  collect(data, found);
  return found.length > 0;
}

/**
 * Opens every sealed value inside each of `items` (one key lookup for all): the clear value, or ERASED when
 * the learner's key is gone. Items without sealed values are returned as they are.
 */
export async function openSealedValues<T>(vault: PersonalDataVault, items: T[]): Promise<T[]> {
  const nodes: SealedValue[] = [];
  items.forEach((item) => collect(item, nodes));
  if (nodes.length === 0) return items;
  const opened = await vault.openMany(nodes.map((n) => ({ keyId: n.keyId, scheme: SEALING_SCHEME, fields: { [n.field]: n.value } })));
  const clear = new Map<SealedValue, unknown>(
    nodes.map((n, i) => {
      const o = opened[i];
      return [n, o.erased ? ERASED : JSON.parse(o.fields[n.field]!)];
    }),
  );
  const replace = (node: unknown): unknown => {
    if (isSealedValue(node)) return clear.get(node);
    if (Array.isArray(node)) return node.map(replace);
    if (typeof node === 'object' && node !== null) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replace(v)]));
    return node;
  };
  return items.map((item) => replace(item) as T);
}
