import { randomBytes, randomUUID } from 'node:crypto';
import { SignInLinks } from './sign-in-links';

const links = new SignInLinks(randomBytes(32));

describe('SignInLinks', () => {
  it('finds the sign-in of a token it made, and of nothing else', () => {
    const signInId = randomUUID();
    const token = links.tokenOf(signInId);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(links.signInOf(token)).toBe(signInId);
    expect(new SignInLinks(randomBytes(32)).signInOf(token)).toBeUndefined();
    expect(links.signInOf(`${randomUUID()}.${token.split('.')[1]}`)).toBeUndefined();
    expect(links.signInOf(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    for (const junk of [undefined, 42, '', '.', signInId, `${signInId}.`, 'a'.repeat(500), `${token}\u0000`]) {
      expect(links.signInOf(junk)).toBeUndefined();
    }
  });

  it('refuses a key too short to keep links unguessable', () => {
    expect(() => new SignInLinks(randomBytes(16))).toThrow(/32 bytes/);
  });
});
