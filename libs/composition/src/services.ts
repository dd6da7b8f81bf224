import { ASSESSMENT_SERVICE } from '@alliance/assessment';
import { AUDIT_SERVICE } from '@alliance/audit';
import { CATALOGUE_SERVICE } from '@alliance/catalogue';
import { ENROLMENT_SERVICE } from '@alliance/enrolment';
import { ISSUANCE_SERVICE } from '@alliance/issuance';
import type { ServiceDescriptor } from '@alliance/service-runtime';
import { VERIFICATION_SERVICE } from '@alliance/verification';
import { AUDIT_STREAM_FOLDERS, auditReadModels } from './audit-knowledge';

/** Every service of the platform, in the order they start (producers before consumers). */
export const ALL_SERVICES: ServiceDescriptor[] = [
  CATALOGUE_SERVICE,
  ENROLMENT_SERVICE,
  ASSESSMENT_SERVICE,
  ISSUANCE_SERVICE,
  VERIFICATION_SERVICE,
  AUDIT_SERVICE.withOptions({ folders: AUDIT_STREAM_FOLDERS, readModels: auditReadModels }),
];
