import { violation, type Violation } from '../catalogue.exception';
import type { CredentialSpecDefinition } from './definition';
import type { RegistryView } from './registry-view';

/** Every awarding body must be a registered member in good standing when the definition is saved, proposed and published. */
export function memberViolations(d: CredentialSpecDefinition, registry: RegistryView): Violation[] {
  const out: Violation[] = [];
  (Array.isArray(d.awardingBodies) ? d.awardingBodies : []).forEach((body, i) => {
    if (typeof body?.institutionId !== 'string') return;
    const member = registry.members.get(body.institutionId);
    const field = `awardingBodies[${i}].institutionId`;
    if (!member || member.status === 'removed') {
      out.push(violation(field, 'awarding-bodies.not-a-member', `institution ${body.institutionId} is not a member of the alliance`));
    } else if (member.status === 'pending') {
      out.push(
        violation(
          field,
          'awarding-bodies.member-not-active',
          `${member.name} is pending until its own admin registers a signing key, and cannot award credentials yet`,
        ),
      );
    } else if (member.status !== 'active') {
      out.push(violation(field, 'awarding-bodies.member-not-active', `${member.name} is ${member.status} and cannot award credentials`));
    }
  });
  return out;
}

/** Ids of every member a definition names: awarding bodies and component owners. */
export function memberIds(d: Partial<Pick<CredentialSpecDefinition, 'awardingBodies' | 'components'>>): string[] {
  const ids = [
    ...(Array.isArray(d.awardingBodies) ? d.awardingBodies : []).map((b) => b?.institutionId),
    ...(Array.isArray(d.components) ? d.components : []).map((c) => c?.institutionId),
  ];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
