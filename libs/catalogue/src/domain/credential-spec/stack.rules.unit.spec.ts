import { sustainableEnergyDefinition } from '../__fixtures__/definition.fixture';
import { AAU, DCU, registryWith } from '../__fixtures__/members.fixture';
import type { SpecView } from './registry-view';
import { checkStack } from './stack.rules';

const published = (
  id: string,
  ects: number,
  parts: { credentialSpecId: string; version: number }[] = [],
  status: 'published' | 'retired' | 'draft' = 'published',
): SpecView => ({
  credentialSpecId: id,
  versions: [{ version: 1, status, title: `Spec ${id}`, ects, stackParts: parts }],
});

const stackOf = (parts: { credentialSpecId: string; version?: number }[], ects: number, componentEcts: number[] = []) =>
  sustainableEnergyDefinition({
    ects,
    stackParts: parts,
    components: componentEcts.map((e, i) => ({ code: `C${i}`, title: `Capstone ${i}`, institutionId: i % 2 ? DCU : AAU, ects: e })),
    issuanceRule: { allComponentsPassed: true, allStackPartsAwarded: true },
  });
const rulesOf = (check: ReturnType<typeof checkStack>) => check.violations.map((v) => `${v.field}:${v.rule}`);

describe('stack rules', () => {
  const registry = registryWith([
    published('A', 5),
    published('B', 5),
    published('R', 3, [], 'retired'),
    published('C', 4, [{ credentialSpecId: 'S', version: 1 }]),
  ]);

  it('pins parts to their current published version and adds their ECTS to the components', () => {
    const check = checkStack('S', stackOf([{ credentialSpecId: 'A' }, { credentialSpecId: 'B', version: 1 }], 12, [2]), registry);
    expect(check).toEqual({
      violations: [],
      pinned: [
        { credentialSpecId: 'A', version: 1 },
        { credentialSpecId: 'B', version: 1 },
      ],
    });
  });

  it('refuses a stack whose ECTS do not add up', () => {
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'A' }, { credentialSpecId: 'B' }], 12), registry))).toEqual([
      'ects:ects.total-mismatch',
    ]);
  });

  it('refuses parts that are not published or do not exist', () => {
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'R' }], 3), registry))).toEqual([
      'stackParts[0].credentialSpecId:stack.part-not-published',
    ]);
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'A', version: 2 }], 5), registry))).toEqual([
      'stackParts[0].credentialSpecId:stack.part-not-found',
    ]);
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'Z' }], 5), registry))).toEqual([
      'stackParts[0].credentialSpecId:stack.part-not-found',
    ]);
  });

  it('detects cycles: itself, and through the parts of its parts', () => {
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'S' }], 5), registry))).toEqual([
      'stackParts[0].credentialSpecId:stack.cycle',
    ]);
    const check = checkStack('S', stackOf([{ credentialSpecId: 'C' }], 4), registry);
    expect(rulesOf(check)).toEqual(['stackParts[0].credentialSpecId:stack.cycle']);
    expect(check.violations[0].message).toContain('S -> C -> S');
    const deep = registryWith([published('D', 4, [{ credentialSpecId: 'C', version: 1 }]), ...registry.specs.values()]);
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'D' }], 4), deep))).toEqual(['stackParts[0].credentialSpecId:stack.cycle']);
  });

  it('refuses the same part twice', () => {
    expect(rulesOf(checkStack('S', stackOf([{ credentialSpecId: 'A' }, { credentialSpecId: 'A' }], 10), registry))).toEqual([
      'stackParts[1].credentialSpecId:stack.part-duplicate',
    ]);
  });
});
