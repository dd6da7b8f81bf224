import { type DecisionContext, defineDecider } from '@alliance/event-sourcing';
import { IssuanceException } from '../issuance.exception';
import type { AwardCommand, EvaluationInputs } from './award.commands';
import type { AwardEvent } from './award.events';
import { type AwardState, type AwardTrack, evolveAward, initialAwardState } from './award.state';
import { evaluateIssuanceRule, sameAward } from './issuance-rule';

/**
 * The issuance process manager's decisions for one learner and one definition: record what other contexts
 * report, then re-evaluate the issuance rule and grant, re-grant (supersede) or rescind the award.
 */
export function decideAward(command: AwardCommand, state: AwardState, context: DecisionContext): AwardEvent[] {
  const now = context.now.toISOString();
  if (command.type === 'OpenAwardTrack') {
    if (state) return [];
    const { awardId, learner, specId, specVersion, enrolmentId, enrolledAt } = command;
    const opened: AwardEvent = {
      type: 'AwardTrackOpened',
      data: { awardId, learner, specId, specVersion, ...(enrolmentId ? { enrolmentId } : {}), ...(enrolledAt ? { enrolledAt } : {}), openedAt: now },
    };
    return withEvaluation([opened], state, command, now);
  }
  const track = requireTrack(state, command.awardId);
  switch (command.type) {
    case 'RecordComponentResult': {
      const previous = track.results[command.result.componentCode];
      if (previous && sameResult(previous, command.result)) return [];
      const recorded: AwardEvent = { type: 'ComponentResultRecorded', data: { awardId: track.awardId, result: command.result } };
      return track.closed ? [recorded] : withEvaluation([recorded], track, command, now, command.result.amendmentReason);
    }
    case 'RecordStackPart': {
      const previous = track.parts[command.part.specId];
      if (previous?.credentialId === command.part.credentialId) return [];
      const recorded: AwardEvent = { type: 'StackPartRecorded', data: { awardId: track.awardId, part: command.part } };
      return track.closed ? [recorded] : withEvaluation([recorded], track, command, now);
    }
    case 'WithdrawStackPart': {
      if (track.parts[command.specId]?.credentialId !== command.credentialId) return [];
      const withdrawn: AwardEvent = {
        type: 'StackPartWithdrawn',
        data: { awardId: track.awardId, specId: command.specId, credentialId: command.credentialId, reason: command.reason },
      };
      return withEvaluation([withdrawn], track, command, now, `stack part ${command.specId} no longer awarded: ${command.reason}`);
    }
    case 'CloseAwardTrack':
      if (track.closed || track.current) return [];
      return [{ type: 'AwardTrackClosed', data: { awardId: track.awardId, reason: command.reason, closedAt: now } }];
  }
}

/** Applies the recorded facts, then compares the rule's outcome with the award that currently stands. */
function withEvaluation(recorded: AwardEvent[], state: AwardState, inputs: EvaluationInputs, now: string, reason?: string): AwardEvent[] {
  const track = recorded.reduce(evolveAward, state)!;
  const outcome = evaluateIssuanceRule(inputs.spec, { enrolledAt: track.enrolledAt, results: track.results, parts: track.parts });
  const { awardId, learner, specId, specVersion, current } = track;
  if (outcome.met && !current) {
    return [
      ...recorded,
      { type: 'AwardGranted', data: { awardId, credentialId: inputs.nextCredentialId, learner, specId, specVersion, awardedAt: now, grades: outcome.grades } },
    ];
  }
  if (outcome.met && current && !sameAward(current, outcome)) {
    return [
      ...recorded,
      {
        type: 'AwardGranted',
        data: {
          awardId,
          credentialId: inputs.nextCredentialId,
          learner,
          specId,
          specVersion,
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
    return [...recorded, { type: 'AwardRescinded', data: { awardId, credentialId: current.credentialId, reason: reason ? `${reason}; rule no longer met: ${why}` : `rule no longer met: ${why}` } }];
  }
  return recorded;
}

function requireTrack(state: AwardState, awardId: string): AwardTrack {
  if (!state) throw IssuanceException.conflict('award.track-unknown', `issuance does not follow award ${awardId} yet`, 'awardId');
  return state;
}

function sameResult(a: { resultId: string; passed: boolean; grade?: number | string; assessedAt: string }, b: typeof a): boolean {
  return a.resultId === b.resultId && a.passed === b.passed && String(a.grade ?? '') === String(b.grade ?? '') && a.assessedAt === b.assessedAt;
}

export const awardDecider = defineDecider({ decide: decideAward, evolve: evolveAward, initialState: initialAwardState });
