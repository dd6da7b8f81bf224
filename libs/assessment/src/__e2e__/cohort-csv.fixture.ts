/** A cohort's CSV: one row per enrolment for component C1, then the bad rows spliced in at known lines. */
export const CSV_HEADER = 'rowId,enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision,evidenceUrl,assessor';

export const cohortIds = (n: number, prefix = 'enr') => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(5, '0')}`);

export function goodRow(enrolmentId: string, i: number): string {
  return `r-${enrolmentId},${enrolmentId},C1,${(i % 11).toString()},2026-06-0${(i % 9) + 1},written exam,supervised-onsite-identity-verification,,`;
}

export interface BadRow {
  text: string;
  code: string;
}

/** Each kind of broken row once: what the report must name. */
export const BAD_ROWS: BadRow[] = [
  { text: 'bad-grade,enr-00001,LAB,12,2026-06-01,exam,supervised-onsite-identity-verification,,', code: 'assessment.grade-outside-scheme' },
  {
    text: 'bad-date,enr-00002,LAB,7,2099-06-01,exam,supervised-onsite-identity-verification,,',
    code: 'assessment.assessment-date-in-future',
  },
  {
    text: 'bad-owner,enr-00003,C2,7,2026-06-01,exam,supervised-onsite-identity-verification,,',
    code: 'assessment.component-of-other-institution',
  },
  {
    text: 'bad-enrolment,enr-nobody,C1,7,2026-06-01,exam,supervised-onsite-identity-verification,,',
    code: 'assessment.enrolment-not-found',
  },
  { text: 'bad-cells,enr-00004,LAB,7', code: 'assessment.row-unreadable' },
  { text: 'bad-supervision,enr-00005,LAB,7,2026-06-01,exam,proctored,,', code: 'assessment.row-invalid' },
  { text: 'bad-duplicate,enr-00006,C1,7,2026-06-01,exam,supervised-onsite-identity-verification,,', code: 'assessment.result-exists' },
];

/** The CSV text and, for each bad row, the line it sits on (the header is line 1). */
export function cohortCsv(ids: string[], bad: BadRow[] = BAD_ROWS): { text: string; badLines: { line: number; code: string }[] } {
  const lines = ids.map((id, i) => goodRow(id, i));
  const badLines: { line: number; code: string }[] = [];
  bad.forEach((b, k) => {
    const at = Math.floor(((k + 1) * lines.length) / (bad.length + 1)) + k;
    lines.splice(at, 0, b.text);
    badLines.push({ line: at + 2, code: b.code });
  });
  return { text: `${CSV_HEADER}\n${lines.join('\n')}\n`, badLines };
}
