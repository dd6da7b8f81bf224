import type { AuditedProjection, AuditConfig, StreamFolder } from '@alliance/audit';
import { ASSESSMENT_STREAM_FOLDERS } from '@alliance/assessment';
import { CATALOGUE_STREAM_FOLDERS } from '@alliance/catalogue';
import { ENROLMENT_STREAM_FOLDERS } from '@alliance/enrolment';

/**
 * How point-in-time replay folds each kind of stream: the contexts' exported evolvers. Issuance and
 * verification export none yet, so their streams are shown as their ordered event list.
 */
export const AUDIT_STREAM_FOLDERS: StreamFolder[] = [...CATALOGUE_STREAM_FOLDERS, ...ENROLMENT_STREAM_FOLDERS, ...ASSESSMENT_STREAM_FOLDERS];

/** Read models the contexts let auditors rebuild and compare; none exports its projection and location yet. */
export const auditReadModels = (_config: AuditConfig): AuditedProjection[] => [];
