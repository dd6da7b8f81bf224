import { Injectable } from '@nestjs/common';
import type { CredentialSpecDefinition, StackPartRef } from '../domain/credential-spec/definition';
import { memberIds } from '../domain/credential-spec/member.rules';
import type { MemberView, RegistryView, SpecView } from '../domain/credential-spec/registry-view';
import { directPartIds } from '../domain/credential-spec/stack.rules';
import { CatalogueAggregates } from './catalogue-aggregates';

/** A stack deeper or wider than this is refused as unreasonable rather than walked. */
const MAX_SPECS_WALKED = 500;

/**
 * Loads what a definition's rules need from other streams, straight from the event store (not from the
 * read model), so membership and stack checks never act on a stale view.
 */
@Injectable()
export class RegistryLoader {
  constructor(private readonly aggregates: CatalogueAggregates) {}

  async forDefinitions(...definitions: (Partial<CredentialSpecDefinition> | undefined)[]): Promise<RegistryView> {
    const present = definitions.filter((d): d is Partial<CredentialSpecDefinition> => !!d);
    const members = new Map<string, MemberView>();
    for (const id of new Set(present.flatMap((d) => memberIds(d)))) {
      const member = await this.member(id);
      if (member) members.set(id, member);
    }
    const specs = new Map<string, SpecView>();
    const queue = [...new Set(present.flatMap((d) => directPartIds(d)))];
    while (queue.length > 0 && specs.size < MAX_SPECS_WALKED) {
      const id = queue.shift()!;
      if (specs.has(id)) continue;
      const view = await this.spec(id);
      if (!view) continue;
      specs.set(id, view);
      for (const v of view.versions)
        for (const part of v.stackParts) if (!specs.has(part.credentialSpecId)) queue.push(part.credentialSpecId);
    }
    return { members, specs };
  }

  private async member(institutionId: string): Promise<MemberView | undefined> {
    const state = await this.aggregates.institution.state(institutionId);
    if (!state) return undefined;
    const { name, legalName, did, countryCode, region, homepage, status } = state;
    return { institutionId, name, legalName, did, countryCode, ...(region ? { region } : {}), homepage, status };
  }

  private async spec(credentialSpecId: string): Promise<SpecView | undefined> {
    const state = await this.aggregates.credentialSpec.state(credentialSpecId);
    if (!state) return undefined;
    return {
      credentialSpecId,
      versions: state.versions.map((v) => ({
        version: v.version,
        status: v.status,
        title: v.definition.title,
        ects: v.definition.ects,
        stackParts: (v.definition.stackParts ?? []) as Required<StackPartRef>[],
      })),
    };
  }
}
