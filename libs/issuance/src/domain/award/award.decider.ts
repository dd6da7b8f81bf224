import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException } from '../issuance.exception';
import { OUT_OF_GOOD_STANDING } from '../knowledge/member-standing';
import type { AwardCommand, EvaluationInputs } from './award.commands';
import type { AwardEvent } from './award.events';
import { type AwardState, type AwardTrack, evolveAward, initialAwardState } from './award.state';
import { evaluateIssuanceRule, sameAward } from './issuance-rule';

/**
 * The issuance process manager's decisions for one learner and one definition: record what other contexts
 * report, in whatever order it arrives, then re-evaluate the issuance rule and grant, re-grant (supersede)
 * or rescind the award.
 */
export function decideAward(command: AwardCommand, state: AwardState, context: DecisionContext): AwardEvent[] {
  const now = context.now.toISOString();
  switch (command.type) {
    case 'OpenAwardTrack': {
      if (state?.opened) return [];
      const { awardId, learner, specId, specVersion, enrolmentId, enrolledAt } = command;
      const opened: AwardEvent = {
        type: 'AwardTrackOpened',
        data: {
          awardId,
          learner,
          specId,
          specVersion,
          ...(enrolmentId ? { enrolmentId } : {}),
          ...(enrolledAt ? { enrolledAt } : {}),
          openedAt: now,
        },
      };
      return withEvaluation([opened], state, command, now);
    }
    case 'RecordComponentResult': {
      const previous = state?.results[command.result.componentCode];
      if (previous && sameResult(previous, command.result)) return [];
      const recorded: AwardEvent = { type: 'ComponentResultRecorded', data: { awardId: command.awardId, result: command.result } };
      return withEvaluation([recorded], state, command, now, command.result.amendmentReason);
    }
    case 'RecordStackPart': {
      if (state?.parts[command.part.specId]?.credentialId === command.part.credentialId) return [];
      const recorded: AwardEvent = { type: 'StackPartRecorded', data: { awardId: command.awardId, part: command.part } };
      return withEvaluation([recorded], state, command, now);
    }
    case 'WithdrawStackPart': {
      if (state?.parts[command.specId]?.credentialId !== command.credentialId) return [];
      const withdrawn: AwardEvent = {
        type: 'StackPartWithdrawn',
        data: { awardId: command.awardId, specId: command.specId, credentialId: command.credentialId, reason: command.reason },
      };
      return withEvaluation([withdrawn], state, command, now, `stack part ${command.specId} no longer awarded: ${command.reason}`);
    }
    case 'EvaluateAward':
      return withEvaluation([], requireTrack(state, command.awardId), command, now);
    case 'TransferAwardTrack': {
      const track = requireTrack(state, command.awardId);
      if (track.current)
        throw new IssuanceException(
          'issuance.award.already-awarded',
          'the learner was already awarded this credential; a transfer changes nothing',
        );
      if (track.specId === command.specId && track.specVersion === command.specVersion) return [];
      const transferred: AwardEvent = {
        type: 'AwardTrackTransferred',
        data: {
          awardId: track.awardId,
          specId: command.specId,
          specVersion: command.specVersion,
          ...(command.reason ? { reason: command.reason } : {}),
        },
      };
      return withEvaluation([transferred], track, command, now);
    }
    case 'CloseAwardTrack': {
      const track = requireTrack(state, command.awardId);
      if (track.closed || track.current) return [];
      return [{ type: 'AwardTrackClosed', data: { awardId: track.awardId, reason: command.reason, closedAt: now } }];
    }
  }
}

/**
 * Applies the recorded facts, then compares the rule's outcome with the award that currently stands. A track
 * not opened yet, closed, or whose definition issuance has not learned, is only recorded. A grant (first or
 * re-grant) waits while the learner's credential in the definition stands revoked for good, and while an
 * awarding body is suspended or removed; a rescission never waits.
 */
function withEvaluation(recorded: AwardEvent[], state: AwardState, inputs: EvaluationInputs, now: string, reason?: string): AwardEvent[] {
  const track = recorded.reduce(evolveAward, state);
  if (!track?.opened || track.closed || !inputs.spec || inputs.spec.specId !== track.specId) return recorded;
  const outcome = evaluateIssuanceRule(inputs.spec, { enrolledAt: track.enrolledAt, results: track.results, parts: track.parts });
  const { awardId } = track;
  const barred = inputs.finalRevocation;
  // A credential revoked for good no longer stands for the award, whether or not the revocation was lifted.
  const current = track.current && track.current.credentialId !== barred?.credentialId ? track.current : undefined;
  const award = { awardId, learner: track.learner!, specId: track.specId!, specVersion: track.specVersion! };
  if (outcome.met && (!current || !sameAward(current, outcome))) {
    if ((barred && !barred.lifted) || awaitsAwardingBody(inputs)) return recorded;
    if (!current) {
      const replaces = barred && replacesRevoked(track, barred.credentialId) ? barred.credentialId : undefined;
      const replacement = replaces
        ? { supersedes: replaces, reason: `awarded again after the final revocation of urn:uuid:${replaces} was lifted` }
        : {};
      return [
        ...recorded,
        {
          type: 'AwardGranted',
          data: { ...award, credentialId: inputs.nextCredentialId, awardedAt: now, grades: outcome.grades, ...replacement },
        },
      ];
    }
    return [
      ...recorded,
      {
        type: 'AwardGranted',
        data: {
          ...award,
          credentialId: inputs.nextCredentialId,
          awardedAt: current.awardedAt,
          grades: outcome.grades,
          supersedes: current.credentialId,
          reason: reason ?? 'the results it rests on changed',
        },
      },
    ];
  }
  if (!outcome.met && current) {
    const why = outcome.unmet.map((u) => u.rule + ('componentCode' in u ? ` (${u.componentCode})` : ` (${u.specId})`)).join(', ');
    return [
      ...recorded,
      {
        type: 'AwardRescinded',
        data: {
          awardId,
          credentialId: current.credentialId,
          reason: reason ? `${reason}; rule no longer met: ${why}` : `rule no longer met: ${why}`,
        },
      },
    ];
  }
  return recorded;
}

/** Every awarding body must be able to co-sign: a suspended one may come back, a removed one never signs again. */
function awaitsAwardingBody(inputs: EvaluationInputs): boolean {
  return (inputs.spec?.awardingBodies ?? []).some((b) => OUT_OF_GOOD_STANDING.has(inputs.standing[b.institutionId] ?? 'not-registered'));
}

/**
 * After a lift, the first credential granted replaces the revoked one: on its own track (the revoked one was
 * its last), or on a track that never had a credential (the learner enrolled again).
 */
function replacesRevoked(track: AwardTrack, revokedId: string): boolean {
  return track.credentialIds.length === 0 || track.credentialIds.at(-1) === revokedId;
}

function requireTrack(state: AwardState, awardId: string): AwardTrack {
  if (!state) throw new IssuanceException('issuance.award.track-unknown', `issuance does not follow award ${awardId} yet`, 'awardId');
  return state;
}

function sameResult(a: { resultId: string; passed: boolean; grade?: number | string; assessedAt: string }, b: typeof a): boolean {
  return (
    a.resultId === b.resultId && a.passed === b.passed && String(a.grade ?? '') === String(b.grade ?? '') && a.assessedAt === b.assessedAt
  );
}

export const awardDecider = defineDecider({ decide: decideAward, evolve: evolveAward, initialState: initialAwardState });
