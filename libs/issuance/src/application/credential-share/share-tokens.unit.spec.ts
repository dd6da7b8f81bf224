import { randomBytes, randomUUID } from 'node:crypto';
import { ShareTokens } from './share-tokens';

describe('share tokens', () => {
  const tokens = new ShareTokens(randomBytes(32));
  const target = { credentialId: randomUUID(), shareId: randomUUID() };

  it('are URL-safe, carry 256 bits of MAC, and open to the credential and share they were made for', () => {
    const token = tokens.token(target);
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(tokens.targetOf(token)).toEqual(target);
    expect(tokens.token(target)).toBe(token);
  });

  it('differ per share, and cannot be rebuilt from the ids without the key', () => {
    const token = tokens.token(target);
    expect(tokens.token({ ...target, shareId: randomUUID() })).not.toBe(token);
    const other = new ShareTokens(randomBytes(32));
    expect(other.token(target)).not.toBe(token);
    expect(other.targetOf(token)).toBeUndefined();
  });

  it('open nothing when altered, truncated, padded, of another alphabet or not a string', () => {
    const token = tokens.token(target);
    const flipped = token.slice(0, 40) + (token[40] === 'A' ? 'B' : 'A') + token.slice(41);
    const swappedIds = Buffer.from(token, 'base64url');
    const moved = Buffer.concat([swappedIds.subarray(16, 32), swappedIds.subarray(0, 16), swappedIds.subarray(32)]).toString('base64url');
    for (const hostile of [
      flipped,
      moved,
      token.slice(0, -1),
      `${token}A`,
      `${token.slice(0, -2)}==`,
      token.replace(/[-_]/g, '+'),
      '',
      42,
      null,
    ]) {
      expect(tokens.targetOf(hostile)).toBeUndefined();
    }
  });

  it('refuse a key shorter than 32 bytes and ids that are not UUIDs', () => {
    expect(() => new ShareTokens(randomBytes(16))).toThrow(TypeError);
    expect(() => tokens.token({ ...target, shareId: 'share-1' })).toThrow(TypeError);
  });
});
