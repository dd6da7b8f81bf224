import { violation, type Violation } from '../catalogue.exception';
import type { CredentialSpecDefinition, StackPartRef } from './definition';
import type { RegistryView, SpecVersionView } from './registry-view';
import { isEcts, sumEcts } from './rule-helpers';

/** Versions a stack may build on: published now, or published and since replaced by a newer version. */
const STACKABLE = new Set(['published', 'superseded']);

export interface StackCheck {
  violations: Violation[];
  /** The parts with their versions pinned, as the definition is stored. */
  pinned: Required<StackPartRef>[];
}

/**
 * Resolves and checks the stack parts of definition `selfId`: each must be a published definition, none may
 * lead back to `selfId` (a credential cannot contain itself), and the ECTS of the components and of the parts
 * must add up to the credential's own.
 */
export function checkStack(selfId: string, d: CredentialSpecDefinition, registry: RegistryView): StackCheck {
  const parts = Array.isArray(d.stackParts) ? d.stackParts : [];
  const out: Violation[] = [];
  const pinned: Required<StackPartRef>[] = [];
  const partEcts: number[] = [];
  const seen = new Set<string>();
  parts.forEach((part, i) => {
    const field = `stackParts[${i}]`;
    if (part?.credentialSpecId === selfId) {
      out.push(violation(`${field}.credentialSpecId`, 'stack.cycle', 'a definition cannot be a part of itself'));
      return;
    }
    if (seen.has(part?.credentialSpecId)) {
      out.push(violation(`${field}.credentialSpecId`, 'stack.part-duplicate', 'a part may appear only once'));
      return;
    }
    seen.add(part?.credentialSpecId);
    const resolved = resolvePart(part, registry);
    if (!resolved) {
      out.push(violation(`${field}.credentialSpecId`, 'stack.part-not-found', `no credential definition ${part?.credentialSpecId}`));
      return;
    }
    if (!STACKABLE.has(resolved.status)) {
      out.push(
        violation(
          part.version === undefined ? `${field}.credentialSpecId` : `${field}.version`,
          'stack.part-not-published',
          `only published definitions can be stacked (version ${resolved.version} is ${resolved.status})`,
        ),
      );
      return;
    }
    const path = pathBackTo(selfId, part.credentialSpecId, resolved, registry, [selfId, part.credentialSpecId]);
    if (path) out.push(violation(`${field}.credentialSpecId`, 'stack.cycle', `stacking would create a cycle: ${path.join(' -> ')}`));
    pinned.push({ credentialSpecId: part.credentialSpecId, version: resolved.version });
    partEcts.push(resolved.ects);
  });
  const components = Array.isArray(d.components) ? d.components : [];
  const componentEcts = components.map((c) => c?.ects);
  if (parts.length > 0 && out.length === 0 && isEcts(d.ects) && componentEcts.every(isEcts)) {
    const total = sumEcts([...componentEcts, ...partEcts]);
    if (total !== d.ects) {
      out.push(
        violation(
          'ects',
          'ects.total-mismatch',
          `components (${sumEcts(componentEcts)} ECTS) and stack parts (${sumEcts(partEcts)} ECTS) add up to ${total} ECTS but the credential states ${d.ects} ECTS`,
        ),
      );
    }
  }
  return { violations: out, pinned };
}

function resolvePart(part: StackPartRef, registry: RegistryView): SpecVersionView | undefined {
  const spec = registry.specs.get(part?.credentialSpecId);
  if (!spec) return undefined;
  if (part.version !== undefined) return spec.versions.find((v) => v.version === part.version);
  const published = spec.versions.filter((v) => v.status === 'published');
  return published.at(-1) ?? spec.versions.at(-1);
}

/** Depth-first through the pinned parts of `version`; returns the path if it reaches `target`. */
function pathBackTo(
  target: string,
  specId: string,
  version: SpecVersionView,
  registry: RegistryView,
  path: string[],
): string[] | undefined {
  for (const child of version.stackParts) {
    if (child.credentialSpecId === target) return [...path, target];
    if (path.includes(child.credentialSpecId)) continue;
    const next = registry.specs.get(child.credentialSpecId)?.versions.find((v) => v.version === child.version);
    const found = next && pathBackTo(target, child.credentialSpecId, next, registry, [...path, child.credentialSpecId]);
    if (found) return found;
  }
  return specId === target ? path : undefined;
}

/** The definition ids a check must load: parts, and their parts, transitively (the handler walks this). */
export function directPartIds(d: Partial<Pick<CredentialSpecDefinition, 'stackParts'>>): string[] {
  return (Array.isArray(d.stackParts) ? d.stackParts : [])
    .map((p) => p?.credentialSpecId)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}
