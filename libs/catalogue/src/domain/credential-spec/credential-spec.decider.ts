import { CatalogueException, violation } from '../catalogue.exception';
import type { CredentialSpecCommand } from './credential-spec.commands';
import type { CredentialSpecEvent } from './credential-spec.events';
import {
  type CredentialSpec,
  type CredentialSpecState,
  evolveCredentialSpec,
  initialCredentialSpecState,
  latestVersion,
  type SpecVersion,
} from './credential-spec.state';
import type { RegistryView } from './registry-view';
import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { FROZEN, requireApprover, requireDraft, requireReason, requireStillValid } from './lifecycle.guards';
import { publishedDefinitionOf } from './published-definition';
import { validDefinition } from './validate-definition';

export function decideCredentialSpec(
  command: CredentialSpecCommand,
  state: CredentialSpecState,
  context: DecisionContext,
): CredentialSpecEvent[] {
  const now = context.now.toISOString();
  if (command.type === 'DraftCredentialSpec') {
    if (state)
      throw new CatalogueException(
        'catalogue.credential-spec.already-exists',
        `credential definition ${state.credentialSpecId} already exists`,
      );
    const { credentialSpecId } = command;
    const definition = validDefinition(credentialSpecId, command.definition, command.registry);
    return [{ type: 'CredentialSpecDrafted', data: { credentialSpecId, version: 1, definition, draftedAt: now } }];
  }
  if (!state) throw new CatalogueException('catalogue.credential-spec-not-found', 'No such credential spec.');
  const { credentialSpecId } = state;
  const latest = latestVersion(state);
  const version = latest.version;
  switch (command.type) {
    case 'ReviseCredentialSpecDraft': {
      requireDraft(latest);
      const definition = validDefinition(credentialSpecId, command.definition, command.registry);
      return [{ type: 'CredentialSpecDraftRevised', data: { credentialSpecId, version, definition, revisedAt: now } }];
    }
    case 'ProposeCredentialSpec': {
      if (latest.status !== 'draft') {
        throw new CatalogueException('catalogue.propose.not-draft', `version ${version} is ${latest.status}; only a draft can be proposed`);
      }
      requireStillValid(credentialSpecId, latest, command.registry);
      const requiredApprovals = latest.definition.awardingBodies.map((b) => b.institutionId);
      return [{ type: 'CredentialSpecProposed', data: { credentialSpecId, version, requiredApprovals, proposedAt: now } }];
    }
    case 'ApproveCredentialSpec': {
      requireApprover(latest, command, context.actor.institution);
      const { institutionId, comment } = command;
      const actorSubject = context.actor.subject;
      return [
        {
          type: 'CredentialSpecApproved',
          data: { credentialSpecId, version, institutionId, approvedBy: actorSubject, approvedAt: now, ...(comment ? { comment } : {}) },
        },
      ];
    }
    case 'DeclineCredentialSpec': {
      requireApprover(latest, command, context.actor.institution);
      requireReason(command.reason);
      const { institutionId, reason } = command;
      const actorSubject = context.actor.subject;
      return [
        {
          type: 'CredentialSpecApprovalDeclined',
          data: { credentialSpecId, version, institutionId, declinedBy: actorSubject, reason, declinedAt: now },
        },
      ];
    }
    case 'WithdrawCredentialSpecProposal':
      if (latest.status !== 'proposed' && latest.status !== 'approved') {
        throw new CatalogueException(
          'catalogue.withdraw.not-proposed',
          `version ${version} is ${latest.status}; there is no proposal to withdraw`,
        );
      }
      requireReason(command.reason);
      return [{ type: 'CredentialSpecProposalWithdrawn', data: { credentialSpecId, version, reason: command.reason, withdrawnAt: now } }];
    case 'PublishCredentialSpec':
      return publish(state, latest, command.registry, now);
    case 'RetireCredentialSpec': {
      const target =
        command.version === undefined
          ? [...state.versions].reverse().find((v) => v.status === 'published')
          : state.versions.find((v) => v.version === command.version);
      if (!target && command.version !== undefined)
        throw new CatalogueException(
          'catalogue.credential-spec-version-not-found',
          `No credential spec version ${String(command.version)}.`,
          'version',
        );
      if (!target || (target.status !== 'published' && target.status !== 'superseded')) {
        throw new CatalogueException(
          'catalogue.retire.not-published',
          `only a published version can be retired${target ? ` (version ${target.version} is ${target.status})` : ''}`,
          'version',
        );
      }
      requireReason(command.reason);
      return [
        { type: 'CredentialSpecRetired', data: { credentialSpecId, version: target.version, reason: command.reason, retiredAt: now } },
      ];
    }
    case 'DraftCredentialSpecVersion': {
      if (!FROZEN.has(latest.status)) {
        throw new CatalogueException(
          'catalogue.version.open-version-exists',
          `version ${version} is still ${latest.status}; revise it (or withdraw its proposal) instead of opening another version`,
        );
      }
      const definition = validDefinition(credentialSpecId, command.definition ?? latest.definition, command.registry);
      return [
        {
          type: 'CredentialSpecVersionDrafted',
          data: { credentialSpecId, version: version + 1, basedOnVersion: version, definition, draftedAt: now },
        },
      ];
    }
  }
}

function publish(state: CredentialSpec, latest: SpecVersion, registry: RegistryView, now: string): CredentialSpecEvent[] {
  if (latest.status === 'proposed') {
    const pending = latest.requiredApprovals.filter((id) => !latest.approvals.some((a) => a.institutionId === id));
    throw new CatalogueException(
      'catalogue.publish.approvals-missing',
      `every awarding body must approve first; still waiting for ${pending.join(', ')}`,
      'approvals',
      {
        errors: [violation('approvals', 'publish.approvals-missing', `pending approvals: ${pending.join(', ')}`)],
      },
    );
  }
  if (latest.status !== 'approved') {
    throw new CatalogueException(
      'catalogue.publish.not-approved',
      `version ${latest.version} is ${latest.status}; only a version approved by every awarding body can be published`,
    );
  }
  requireStillValid(state.credentialSpecId, latest, registry);
  const previous = [...state.versions].reverse().find((v) => v.status === 'published');
  const definition = publishedDefinitionOf(state.credentialSpecId, latest, registry, now);
  return [
    {
      type: 'CredentialSpecPublished',
      data: {
        credentialSpecId: state.credentialSpecId,
        version: latest.version,
        ...(previous ? { supersedesVersion: previous.version } : {}),
        definition,
        publishedAt: now,
      },
    },
  ];
}

/** The credential definition aggregate in the decider shape the kernel's command handler runs. */
export const credentialSpecDecider = defineDecider<CredentialSpecCommand, CredentialSpecState, CredentialSpecEvent>({
  decide: decideCredentialSpec,
  evolve: evolveCredentialSpec,
  initialState: initialCredentialSpecState,
});
