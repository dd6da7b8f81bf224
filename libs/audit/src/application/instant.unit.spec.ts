import { auditInstant } from './instant';

describe('auditInstant', () => {
  it.each([
    ['2025-03-01', '2025-03-01T23:59:59.999Z'],
    ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00.000Z'],
    ['2025-03-01T10:00:00+02:00', '2025-03-01T08:00:00.000Z'],
  ])('reads %s as %s', (text, instant) => expect(auditInstant(text)).toBe(instant));

  it.each(['yesterday', '2025-13-01', '', '1700000000'])('refuses %j', (text) => expect(auditInstant(text)).toBeUndefined());
});
