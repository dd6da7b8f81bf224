import { CatalogueException } from '../catalogue.exception';
import type { CredentialSpecDefinition } from './definition';
import type { RegistryView } from './registry-view';
import { definitionViolations } from './definition.rules';
import { memberViolations } from './member.rules';
import { checkStack } from './stack.rules';

/**
 * All rules at once (Annex I, members, stack); throws one 422 listing every violation. Returns the
 * definition as stored: stack parts pinned to a version, so a later version of a part never changes it.
 */
export function validDefinition(selfId: string, definition: CredentialSpecDefinition, registry: RegistryView): CredentialSpecDefinition {
  const own = definitionViolations(definition);
  const members = memberViolations(definition, registry);
  const stack = checkStack(selfId, definition, registry);
  const violations = [...own, ...members, ...stack.violations.filter((v) => !own.some((o) => o.field === v.field && o.rule === v.rule))];
  if (violations.length > 0) throw CatalogueException.invalid(violations);
  return stack.pinned.length > 0 ? { ...definition, stackParts: stack.pinned } : definition;
}
