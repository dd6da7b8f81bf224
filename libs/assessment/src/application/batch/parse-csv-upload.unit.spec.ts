import { parseCsvUpload } from './parse-csv-upload';

const limits = { maxRows: 3, maxBytes: 1_000_000 };
const header = 'rowId,enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision,evidenceUrl,assessor';

describe('CSV uploads', () => {
  it('reads rows with their line numbers, dropping empty optional cells', () => {
    const text = `${header}\nr1,enr-1,C1,7.5,2026-06-01,exam,supervised-onsite-identity-verification,,\n\nr2,enr-2,C1,"8",2026-06-01,"exam, oral",supervised-onsite-identity-verification,https://e.example/2,Dr. X\n`;
    const { rows, format } = parseCsvUpload(text, limits);
    expect(format).toBe('csv');
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(rows[0].values).toEqual({
      rowId: 'r1',
      enrolmentId: 'enr-1',
      componentCode: 'C1',
      grade: '7.5',
      assessedOn: '2026-06-01',
      assessmentType: 'exam',
      supervision: 'supervised-onsite-identity-verification',
    });
    expect(rows[1].values).toMatchObject({ assessmentType: 'exam, oral', assessor: 'Dr. X' });
  });

  it('marks a row with the wrong number of cells, and only that row', () => {
    const { rows } = parseCsvUpload(
      `enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision\nenr-1,C1,7\nenr-2,C1,7,2026-06-01,exam,supervised-onsite-identity-verification\n`,
      limits,
    );
    expect(rows[0].unreadable).toMatch(/number of cells/);
    expect(rows[1].unreadable).toBeUndefined();
  });

  it('refuses a file that is not CSV, naming the line', () => {
    expect(() => parseCsvUpload(`${header}\nr1,"enr-1,C1\nr2,x\n`, limits)).toThrow(
      expect.objectContaining({ code: 'assessment.csv-malformed', status: 400 }),
    );
  });

  it('refuses a wrong header, naming the missing and unknown columns', () => {
    expect(() => parseCsvUpload('enrolmentId,component,grade\nenr-1,C1,7\n', limits)).toThrow(
      expect.objectContaining({
        code: 'assessment.csv-header',
        details: expect.objectContaining({
          missingColumns: ['componentCode', 'assessedOn', 'assessmentType', 'supervision'],
          unknownColumns: ['component'],
        }),
      }),
    );
  });

  it('refuses more rows than allowed (413) and an empty file', () => {
    const row = 'enr-1,C1,7,2026-06-01,exam,supervised-onsite-identity-verification';
    const text = `enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision\n${Array(4).fill(row).join('\n')}`;
    expect(() => parseCsvUpload(text, limits)).toThrow(expect.objectContaining({ code: 'assessment.batch-too-large', status: 413 }));
    expect(() => parseCsvUpload('enrolmentId,componentCode,grade,assessedOn,assessmentType,supervision\n', limits)).toThrow(
      expect.objectContaining({ code: 'assessment.batch-empty' }),
    );
  });
});
