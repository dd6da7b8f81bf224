import { AuthoriseInstitutionHandler } from './authorise-institution';
import { CompleteEnrolmentHandler } from './complete-enrolment';
import { EnrolLearnerHandler } from './enrol-learner';
import { EraseLearnerHandler } from './erase-learner';
import { TransferEnrolmentHandler } from './transfer-enrolment';
import { WithdrawEnrolmentHandler } from './withdraw-enrolment';

export * from './authorise-institution';
export * from './complete-enrolment';
export * from './enrol-learner';
export * from './erase-learner';
export * from './transfer-enrolment';
export * from './withdraw-enrolment';

/** Every command handler of the context, for the Nest module. */
export const ENROLMENT_COMMAND_HANDLERS = [
  EnrolLearnerHandler,
  WithdrawEnrolmentHandler,
  TransferEnrolmentHandler,
  EraseLearnerHandler,
  CompleteEnrolmentHandler,
  AuthoriseInstitutionHandler,
];
