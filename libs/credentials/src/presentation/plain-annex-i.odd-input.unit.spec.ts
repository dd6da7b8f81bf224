import { buildInput } from '../__tests__/alliance-fixture';
import type { JsonObject } from '../data-integrity/types';
import { buildAchievementCredential } from '../model/build-achievement-credential';
import { credentialHeadline } from './credential-headline';
import { plainAnnexI } from './plain-annex-i';
import { MAX_PLAIN_TEXT } from './plain-text';

const built = buildAchievementCredential(buildInput());
const fixture = () => structuredClone(built);
const achievementOf = (c: JsonObject) => (c.credentialSubject as JsonObject).achievement as JsonObject;
const textsOf = (credential: JsonObject) => Object.fromEntries(plainAnnexI(credential).map((e) => [e.key, e.text]));
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

// Elements that join several values; each value is bounded, the list is not.
const LISTS = new Set(['issuerCountry', 'awardingBodies', 'learningOutcomes', 'stackability']);

/** What every text must be, whatever the input: a non-empty, well-formed single line, bounded unless a list. */
function expectReadable(credential: unknown): void {
  const elements = plainAnnexI(credential as JsonObject);
  expect(elements).toHaveLength(16);
  for (const { key, text } of elements) {
    expect(typeof text).toBe('string');
    expect(text.length).toBeGreaterThan(0);
    if (!LISTS.has(key)) expect(text.length).toBeLessThanOrEqual(MAX_PLAIN_TEXT);
    expect(CONTROL.test(text)).toBe(false);
    expect(text.isWellFormed()).toBe(true);
  }
}

describe('plainAnnexI on odd input', () => {
  it.each([
    ['an empty object', {}],
    ['null', null],
    ['an array', [fixture()]],
    ['a string', 'credential'],
    ['a subject that is a list', { ...fixture(), credentialSubject: [fixture().credentialSubject] }],
    ['a subject without achievement', { ...fixture(), credentialSubject: { id: 'did:example:1' } }],
  ])('reads %s without throwing, every mandatory element missing where absent', (_label, credential) => {
    expectReadable(credential);
    const elements = plainAnnexI(credential as JsonObject);
    for (const e of elements.filter((x) => !x.present)) expect(e.text).toBe(e.mandatory ? 'missing' : 'not stated');
  });

  it('takes one awarding body, outcome or result where a list is expected', () => {
    const credential = fixture();
    const achievement = achievementOf(credential);
    achievement.awardingBody = (achievement.awardingBody as JsonObject[])[0];
    achievement.learningOutcome = { type: 'LearningOutcome', name: 'Only outcome' };
    (credential.credentialSubject as JsonObject).result = {
      type: ['Result'],
      value: 'B',
      resultDescription: `${achievement.id as string}#grade`,
    };
    expect(textsOf(credential)).toMatchObject({
      awardingBodies: 'University A (Germany, Bavaria)',
      learningOutcomes: 'Only outcome',
      grade: 'B on a scale A–E (ECTS grading scale)',
    });
  });

  it('treats numbers given as strings as the verifier does: no workload, but a readable scale', () => {
    const credential = fixture();
    achievementOf(credential).creditsAvailable = '6';
    Object.assign((achievementOf(credential).resultDescription as JsonObject[])[0], { valueMin: '1', valueMax: 10 });
    expect(textsOf(credential)).toMatchObject({ workload: 'missing', grade: 'A on a scale 1–10 (ECTS grading scale)' });
  });

  it('drops NUL and other control characters, and mends broken surrogate pairs', () => {
    const credential = fixture();
    achievementOf(credential).assessmentType = 'Oral\u0000 exam\n\tand\u0007 essay\u0085';
    achievementOf(credential).prerequisites = 'Basics \uD800 first';
    expect(textsOf(credential)).toMatchObject({ assessmentType: 'Oral exam and essay', prerequisites: 'Basics \uFFFD first' });
  });

  it('cuts a very long text to a bounded length ending in an ellipsis', () => {
    const credential = fixture();
    achievementOf(credential).furtherInformation = 'x'.repeat(1_000_000);
    const { furtherInformation } = textsOf(credential);
    expect(furtherInformation).toHaveLength(MAX_PLAIN_TEXT);
    expect(furtherInformation.endsWith('…')).toBe(true);
  });

  it('survives 500 random corruptions of the fixture, headline included', () => {
    const odd: unknown[] = [
      null,
      0,
      -1,
      1e308,
      '6',
      '',
      ' ',
      '\u0000',
      '\uDC00',
      'x'.repeat(20_000),
      [],
      [null],
      [{}],
      {},
      true,
      [[['deep']]],
    ];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const credential = fixture();
      for (let hits = 0; hits < 3; hits++) {
        const parents = [credential, credential.credentialSubject as JsonObject, achievementOf(credential)].filter(
          (p) => p && typeof p === 'object' && !Array.isArray(p),
        );
        const parent = parents[random(parents.length)] as JsonObject;
        const keys = Object.keys(parent);
        if (keys.length) parent[keys[random(keys.length)]] = odd[random(odd.length)] as never;
      }
      expectReadable(credential);
      expect(() => credentialHeadline(credential)).not.toThrow();
    }
  });
});
