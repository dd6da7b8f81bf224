import { Injectable } from '@nestjs/common';
import { EnrolmentException } from '../../../domain/enrolment.exception';
import { requireMemberMayAct } from '../../../domain/member-standing';
import { PersonalDataVault } from '../../../infrastructure/personal-data/personal-data-vault';
import { actingMemberOf } from '../../acting-for';
import { LearnerAggregates } from '../../learner-aggregates';
import { EnrolmentKnowledge } from '../../ports/enrolment-knowledge.port';
import { EnrolmentRecords } from '../../ports/enrolment-records.port';
import type { EraseLearnerCommand } from './erase-learner.command';

export interface ErasureOutcome {
  learnerId: string;
  erased: true;
  /** False when the learner had been erased before (the request changed nothing). */
  newlyErased: boolean;
  withdrawnEnrolmentIds: string[];
}

@Injectable()
export class EraseLearnerHandler {
  constructor(
    private readonly learners: LearnerAggregates,
    private readonly records: EnrolmentRecords,
    private readonly vault: PersonalDataVault,
    private readonly knowledge: EnrolmentKnowledge,
  ) {}

  async execute(command: EraseLearnerCommand): Promise<ErasureOutcome> {
    const { state } = await this.learners.load(command.learnerId);
    if (!state.learnerId) throw EnrolmentException.notFound('learner', command.learnerId, 'learnerId');
    await this.requireController(command, Object.values(state.enrolments).map((e) => e.institutionId));
    const actingMember = await actingMemberOf(command.actor, this.knowledge);
    // Asked before the key goes: the decider asks again, but by then the vault would already have acted.
    requireMemberMayAct(actingMember);
    if (state.erased) return { learnerId: command.learnerId, erased: true, newlyErased: false, withdrawnEnrolmentIds: [] };
    // Key first: once it is gone the person is erased, whatever happens next; a retry then only records it.
    await this.vault.erase(command.learnerId);
    const { events } = await this.learners.handle(command.learnerId, { type: 'Erase', reason: command.reason, ...(actingMember ? { actingMember } : {}) }, command.commandContext());
    const withdrawn = events.flatMap((e) => (e.type === 'EnrolmentWithdrawn' ? [e.data.enrolmentId] : []));
    return { learnerId: command.learnerId, erased: true, newlyErased: true, withdrawnEnrolmentIds: withdrawn };
  }

  /** The alliance, or an institution that enrolled the learner (a data controller for them), may erase. */
  private async requireController(command: EraseLearnerCommand, institutions: string[]): Promise<void> {
    const { role, institution } = command.actor;
    if (role === 'alliance-admin') return;
    if (role === 'institution-admin' && institution && institutions.includes(institution)) return;
    throw EnrolmentException.forbidden('erasure-not-allowed', 'only an alliance-admin or an institution-admin of an enrolling institution may erase a learner', 'learnerId');
  }
}
