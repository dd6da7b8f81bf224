import { EnrolmentException } from '../domain/enrolment.exception';
import type { EnrolmentRecordRow, EnrolmentRecords } from './ports/enrolment-records.port';

export async function requireEnrolment(records: EnrolmentRecords, enrolmentId: string): Promise<EnrolmentRecordRow> {
  const row = await records.get(enrolmentId);
  if (!row) throw EnrolmentException.notFound('enrolment', enrolmentId, 'enrolmentId');
  return row;
}
