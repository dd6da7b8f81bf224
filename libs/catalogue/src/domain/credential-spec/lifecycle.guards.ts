import { CatalogueException, violation } from '../catalogue.exception';
import type { ApproveCredentialSpec, DeclineCredentialSpec } from './credential-spec.commands';
import type { SpecVersion } from './credential-spec.state';
import type { RegistryView } from './registry-view';
import { requireMemberMayAct } from '../institution/member-standing.rules';
import { memberViolations } from './member.rules';
import { checkStack } from './stack.rules';

export const FROZEN = new Set(['published', 'superseded', 'retired']);

/** Members can be suspended and parts retired after a draft was saved: proposal and publication check again. */
export function requireStillValid(credentialSpecId: string, version: SpecVersion, registry: RegistryView): void {
  const violations = [
    ...memberViolations(version.definition, registry),
    ...checkStack(credentialSpecId, version.definition, registry).violations,
  ];
  if (violations.length > 0) throw CatalogueException.invalid(violations);
}

export function requireDraft(latest: SpecVersion): void {
  if (FROZEN.has(latest.status)) {
    throw new CatalogueException(
      'catalogue.credential-spec.published-immutable',
      `version ${latest.version} is ${latest.status} and is never edited; create a new version with POST /credential-specs/{id}/versions`,
    );
  }
  if (latest.status !== 'draft') {
    throw new CatalogueException(
      'catalogue.credential-spec.under-approval',
      `version ${latest.version} is ${latest.status}; withdraw the proposal before editing it`,
    );
  }
}

export function requireApprover(
  latest: SpecVersion,
  decision: ApproveCredentialSpec | DeclineCredentialSpec,
  actorInstitution: string | undefined,
): void {
  if (latest.status !== 'proposed' && latest.status !== 'approved') {
    throw new CatalogueException(
      'catalogue.approval.not-proposed',
      `version ${latest.version} is ${latest.status}; only a proposed version can be approved or declined`,
    );
  }
  if (actorInstitution !== decision.institutionId) {
    throw new CatalogueException(
      'catalogue.approval.other-institution',
      'an institution-admin approves only for their own institution',
      'institutionId',
    );
  }
  requireMemberMayAct(
    decision.institutionId,
    decision.type === 'ApproveCredentialSpec' ? decision.approverStatus : decision.declinerStatus,
  );
  if (decision.type === 'ApproveCredentialSpec') requireActiveApprover(decision);
  if (!latest.requiredApprovals.includes(decision.institutionId)) {
    throw new CatalogueException(
      'catalogue.approval.not-an-awarding-body',
      'only an awarding body of this credential can approve it',
      'institutionId',
    );
  }
  if (latest.approvals.some((a) => a.institutionId === decision.institutionId)) {
    throw new CatalogueException(
      'catalogue.approval.duplicate',
      `institution ${decision.institutionId} has already approved version ${latest.version}`,
      'institutionId',
    );
  }
}

/** A pending member has not confirmed its membership yet (suspended and removed ones were refused before). */
function requireActiveApprover(command: ApproveCredentialSpec): void {
  if (command.approverStatus === 'active') return;
  throw new CatalogueException(
    'catalogue.approval.member-not-active',
    `institution ${command.institutionId} is ${command.approverStatus ?? 'not registered'}; only an active member approves`,
    'institutionId',
  );
}

export function requireReason(reason: string): void {
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > 1000) {
    throw CatalogueException.invalid([violation('reason', 'reason.required', 'reason must be 1 to 1000 characters')]);
  }
}
