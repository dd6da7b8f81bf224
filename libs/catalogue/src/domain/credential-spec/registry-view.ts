import type { InstitutionProfile } from '../institution/institution.events';
import type { InstitutionStatus } from '../institution/institution.state';
import type { StackPartRef } from './definition';
import type { SpecVersionStatus } from './credential-spec.state';

/** A member as a definition needs it: to check it may award, and to snapshot it into a published version. */
export interface MemberView extends InstitutionProfile {
  institutionId: string;
  status: InstitutionStatus;
}

export interface SpecVersionView {
  version: number;
  status: SpecVersionStatus;
  title: string;
  ects: number;
  stackParts: Required<StackPartRef>[];
}

export interface SpecView {
  credentialSpecId: string;
  versions: SpecVersionView[];
}

/**
 * What a decision knows beyond its own stream, loaded by the handler before deciding: the members named
 * by the definition, and every definition reachable through its stack parts (for cycles and ECTS).
 */
export interface RegistryView {
  members: ReadonlyMap<string, MemberView>;
  specs: ReadonlyMap<string, SpecView>;
}

export const emptyRegistry = (): RegistryView => ({ members: new Map(), specs: new Map() });
