import { exceedsJsonDepth } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('JSON nesting depth, read from the raw bytes', () => {
  it('counts objects and arrays, and nothing inside strings', () => {
    expect(exceedsJsonDepth(bytes('{"a":{"b":[1,{"c":2}]}}'), 4)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":{"b":[1,{"c":2}]}}'), 3)).toBe(true);
    expect(exceedsJsonDepth(bytes('{"text":"[[[[{{{{ \\" [[[[ \\\\"}'), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes('[[],[],[[]]]'), 2)).toBe(true);
    expect(exceedsJsonDepth(bytes('{"name":"Université 🎓 [x]"}'), 1)).toBe(false);
  });

  it('finds 100,000 levels at once, in linear time and constant stack', () => {
    const deep = bytes('['.repeat(100_000) + ']'.repeat(100_000));
    const started = performance.now();
    expect(exceedsJsonDepth(deep, 32)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
    expect(exceedsJsonDepth(bytes('{"a":'.repeat(32) + '1' + '}'.repeat(32)), 32)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":'.repeat(33) + '1' + '}'.repeat(33)), 32)).toBe(true);
  });
});
