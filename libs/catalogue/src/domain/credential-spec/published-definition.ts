import type { RegistryView, MemberView } from './registry-view';
import type { AwardingBodySnapshot, PublishedDefinition } from './credential-spec.events';
import type { SpecVersion } from './credential-spec.state';

/**
 * Freezes a version into the self-contained form other services keep: members resolved to their DIDs and
 * countries, parts to their titles and ECTS, the approvals recorded. Optional elements left out stay absent.
 */
export function publishedDefinitionOf(
  credentialSpecId: string,
  version: SpecVersion,
  registry: RegistryView,
  publishedAt: string,
): PublishedDefinition {
  const { awardingBodies, components, stackParts, ...elements } = version.definition;
  const member = (id: string): MemberView => {
    const found = registry.members.get(id);
    if (!found) throw new Error(`member ${id} missing from the registry view`);
    return found;
  };
  return {
    credentialSpecId,
    version: version.version,
    publishedAt,
    ...elements,
    awardingBodies: awardingBodies.map(({ institutionId, lead }): AwardingBodySnapshot => {
      const m = member(institutionId);
      return {
        institutionId,
        lead,
        name: m.name,
        legalName: m.legalName,
        did: m.did,
        countryCode: m.countryCode,
        ...(m.region ? { region: m.region } : {}),
        homepage: m.homepage,
      };
    }),
    components: (components ?? []).map((c) => ({
      ...c,
      institutionDid: member(c.institutionId).did,
      institutionName: member(c.institutionId).name,
    })),
    stackParts: (stackParts ?? []).map((p) => {
      const part = registry.specs.get(p.credentialSpecId)?.versions.find((v) => v.version === p.version);
      if (!part) throw new Error(`stack part ${p.credentialSpecId} v${p.version} missing from the registry view`);
      return { credentialSpecId: p.credentialSpecId, version: part.version, title: part.title, ects: part.ects };
    }),
    approvals: version.approvals,
  };
}
