import { ddlOnce } from './ddl-once';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('ddlOnce', () => {
  it('creates once however often it is asked, also by calls made while the first is under way', async () => {
    let runs = 0;
    const ensure = ddlOnce(async () => void runs++);
    await Promise.all([ensure(), ensure()]);
    await ensure();
    expect(runs).toBe(1);
  });

  it.each(['42P07', '23505', '42710', '42P06'])(
    'runs the creation again after losing a race to another replica (%s), so later statements still run',
    async (code) => {
      const statements: string[] = [];
      let raced = false;
      const ensure = ddlOnce(async () => {
        statements.push('schema');
        if (!raced) {
          raced = true;
          throw pgError(code);
        }
        statements.push('table');
      });
      await expect(ensure()).resolves.toBeUndefined();
      expect(statements).toEqual(['schema', 'schema', 'table']);
    },
  );

  it('gives up on a race that keeps being lost and throws its error', async () => {
    let runs = 0;
    const ensure = ddlOnce(async () => {
      runs++;
      throw pgError('42P07');
    });
    await expect(ensure()).rejects.toThrow('pg 42P07');
    expect(runs).toBe(4);
  });

  it('throws any other failure and tries again on the next call', async () => {
    let runs = 0;
    const ensure = ddlOnce(async () => {
      if (++runs === 1) throw pgError('57P01');
    });
    await expect(ensure()).rejects.toThrow('pg 57P01');
    await expect(ensure()).resolves.toBeUndefined();
    expect(runs).toBe(2);
  });
});
