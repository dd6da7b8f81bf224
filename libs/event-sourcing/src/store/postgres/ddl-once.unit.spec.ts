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

  it("takes another replica's creation of the same table or type as done", async () => {
    await expect(ddlOnce(() => Promise.reject(pgError('42P07')))()).resolves.toBeUndefined();
    await expect(ddlOnce(() => Promise.reject(pgError('23505')))()).resolves.toBeUndefined();
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
