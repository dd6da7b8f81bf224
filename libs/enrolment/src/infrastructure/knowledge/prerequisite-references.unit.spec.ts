import { referencedSpecIds } from './prerequisite-references';

const known = ['0190a3c4-0000-7000-8000-00000000bbbb', 'spec-basics', 'spec-energy'];

describe('prerequisites named in the definition text', () => {
  it('finds the definition ids the text names, whatever the punctuation', () => {
    expect(referencedSpecIds('Holds 0190a3c4-0000-7000-8000-00000000bbbb (Energy basics).', known, 'spec-energy')).toEqual([
      '0190a3c4-0000-7000-8000-00000000bbbb',
    ]);
    expect(referencedSpecIds('Requires spec-basics, and English B2', known, 'spec-energy')).toEqual(['spec-basics']);
  });
  it('ignores free wording, partial matches and the definition itself', () => {
    expect(referencedSpecIds('Bachelor in engineering', known, 'spec-energy')).toEqual([]);
    expect(referencedSpecIds('spec-basics-2 or spec-energy', known, 'spec-energy')).toEqual([]);
    expect(referencedSpecIds(undefined, known, 'x')).toEqual([]);
  });
});
