import type { AuditedProjection, AuditConfig, StreamFolder } from '@alliance/audit';
import { ASSESSMENT_STREAM_FOLDERS, assessmentAuditedReadModels } from '@alliance/assessment';
import { CATALOGUE_STREAM_FOLDERS, catalogueAuditedReadModels } from '@alliance/catalogue';
import { ENROLMENT_STREAM_FOLDERS, enrolmentAuditedReadModels } from '@alliance/enrolment';
import { ISSUANCE_STREAM_FOLDERS, issuanceAuditedReadModels } from '@alliance/issuance';

/**
 * How point-in-time replay folds each kind of stream: the contexts' exported evolvers. A verification's
 * stream holds one event whose data is the whole report, so it is shown as its event list.
 */
export const AUDIT_STREAM_FOLDERS: StreamFolder[] = [
  ...CATALOGUE_STREAM_FOLDERS,
  ...ENROLMENT_STREAM_FOLDERS,
  ...ASSESSMENT_STREAM_FOLDERS,
  ...ISSUANCE_STREAM_FOLDERS,
];

/**
 * Read models the contexts let auditors rebuild from zero and compare with the live tables, located the way
 * each service locates them under the audit service's own configuration (DATA_DIR, READ_MODEL, DATABASE_URL).
 * Verification keeps no projection of its own events (its tables are fed by other contexts' messages).
 */
export const auditReadModels = (config: AuditConfig): AuditedProjection[] => [
  ...catalogueAuditedReadModels(config),
  ...enrolmentAuditedReadModels(config),
  ...assessmentAuditedReadModels(config),
  ...issuanceAuditedReadModels(config),
];
