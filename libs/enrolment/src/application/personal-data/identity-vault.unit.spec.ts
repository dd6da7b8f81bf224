import { randomBytes } from 'node:crypto';
import { InMemoryLearnerKeyTable } from '@alliance/event-sourcing';
import { ERASED_IDENTITY, IdentityVault } from './identity-vault';

const identity = { givenName: 'Ada', familyName: 'Lovelace', email: 'Ada@Example.org', dateOfBirth: '1990-12-10' };

describe('personal data vault (crypto-shredding)', () => {
  const setup = () => {
    const table = new InMemoryLearnerKeyTable();
    return { table, vault: new IdentityVault(table, randomBytes(32)) };
  };

  it('seals every given field, none in clear, and opens them again', async () => {
    const { vault } = setup();
    const sealed = await vault.seal('l1', identity);
    expect(Object.keys(sealed.fields).sort()).toEqual(['dateOfBirth', 'email', 'familyName', 'givenName']);
    expect(JSON.stringify(sealed)).not.toMatch(/Ada|Lovelace|1990/);
    expect(await vault.open(sealed)).toEqual({ erased: false, ...identity });
  });

  it('finds a learner by email regardless of case, without storing it in clear', async () => {
    const { vault, table } = setup();
    await vault.seal('l1', identity);
    expect(await vault.learnerIdsForEmail(' ada@example.ORG ')).toEqual(['l1']);
    expect(JSON.stringify([...table.rows.values()])).not.toContain('example');
  });

  it('keeps one key per learner across enrolments', async () => {
    const { vault, table } = setup();
    const a = await vault.seal('l1', identity);
    const b = await vault.seal('l1', { ...identity, givenName: 'Augusta' });
    expect(table.rows.size).toBe(1);
    expect((await vault.openMany([a, b])).map((i) => i.givenName)).toEqual(['Ada', 'Augusta']);
  });

  it('erases by deleting the key: the same sealed data then reads as erased', async () => {
    const { vault } = setup();
    const sealed = await vault.seal('l1', identity);
    const other = await vault.seal('l2', { ...identity, email: 'b@example.org' });
    expect(await vault.erase('l1')).toBe(true);
    expect(await vault.open(sealed)).toEqual(ERASED_IDENTITY);
    expect(await vault.learnerIdsForEmail(identity.email)).toEqual([]);
    expect((await vault.open(other)).erased).toBe(false);
  });

  it('refuses a sealed field moved to another learner or field', async () => {
    const { vault } = setup();
    const a = await vault.seal('l1', identity);
    await expect(vault.open({ ...a, fields: { givenName: a.fields.familyName } })).rejects.toThrow();
  });
});
