import fc from 'fast-check';
import { hostileString, nestedJson, wrongType } from './hostile-values';

/** What a fuzz case sends as its body: a JSON value, raw bytes (malformed JSON, a form), or nothing. */
export type FuzzBody = { json: unknown } | { raw: string } | undefined;

type Path = (string | number)[];

/** Every place inside a value a mutation can hit: the value itself, each member, each element. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, replacement);
  return copy;
}

function deleteAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return value;
  const parent = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const holder = parent.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
  if (Array.isArray(holder))
    return setAt(
      value,
      parent,
      holder.filter((_, i) => i !== key),
    );
  const { [key]: _removed, ...rest } = holder as Record<string | number, unknown>;
  return setAt(value, parent, rest);
}

function objectPaths(value: unknown): Path[] {
  return pathsOf(value).filter((p) => {
    const v = p.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], value);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
}

const pick = <T>(list: T[], n: number): T => list[n % list.length]!;

/**
 * A valid-ish body, bent: a member of another type (lists for objects, huge and negative numbers, hostile
 * text), a member removed or added (prototype keys among them), the body nested past the depth limit,
 * wrapped in a list or replaced by a scalar, or not JSON at all.
 */
export function mutatedBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(valid, at, wrongType).map(([v, n, w]): FuzzBody => ({ json: setAt(v, pick(pathsOf(v), n), w) })) },
    { weight: 2, arbitrary: fc.tuple(valid, at, hostileString).map(([v, n, s]): FuzzBody => ({ json: setAt(v, pick(pathsOf(v), n), s) })) },
    { weight: 2, arbitrary: fc.tuple(valid, at).map(([v, n]): FuzzBody => ({ json: deleteAt(v, pick(pathsOf(v), n)) })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          valid,
          at,
          fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'extra', 'isAdmin'), fc.string({ maxLength: 12 })),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([v, n, key, w]): FuzzBody => {
          const targets = objectPaths(v);
          if (targets.length === 0) return { json: v };
          // JSON.stringify would drop a `__proto__` member set as a property: written as text, it is sent.
          const path = pick(targets, n);
          const text = JSON.stringify(
            setAt(v, path, {
              ...(path.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], v) as object),
              [`\u0001${key}`]: w,
            }),
          );
          return { raw: text.replace(JSON.stringify(`\u0001${key}`), JSON.stringify(key)) };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, at, fc.constantFrom(20, 40, 200, 5_000)).map(([v, n, d]): FuzzBody => {
        const mark = '\u0002deep';
        return { raw: JSON.stringify(setAt(v, pick(pathsOf(v), n), mark)).replace(JSON.stringify(mark), nestedJson(d)) };
      }),
    },
    { weight: 1, arbitrary: valid.map((v): FuzzBody => ({ json: [v] })) },
    { weight: 1, arbitrary: wrongType.map((w): FuzzBody => ({ json: w })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, n]): FuzzBody => {
        const text = JSON.stringify(v) ?? 'null';
        return {
          raw: pick(
            [
              text.slice(0, Math.max(1, text.length - 1 - (n % 5))),
              `${text}${text}`,
              text.replace(/:/, '::'),
              `\ufeff${text}`,
              'a=1&b=2',
              '',
            ],
            n,
          ),
        };
      }),
    },
  );
}
