import fc from 'fast-check';
import { hasLongWord, MAX_WORD_LENGTH, RoleSchema, SalarySchema } from '../../src/model/schema.js';

const base = {
  id: 'data-entry-keyer',
  title: 'Data Entry Keyer',
  socCodes: ['43-9021.00'],
  summary: 'Types data.',
  sources: [{ id: 'bls', title: 'OEWS', period: 'May 2024' }],
};

describe('RoleSchema', () => {
  test('accepts a minimal role and fills defaults', () => {
    const role = RoleSchema.parse(base);
    expect(role.aliases).toEqual([]);
    expect(role.relatedRoles).toEqual([]);
  });

  test.each([
    ['a non-slug id', { id: 'Data Entry' }, 'id'],
    ['a malformed SOC code', { socCodes: ['439021'] }, 'socCodes.0'],
    ['no SOC code', { socCodes: [] }, 'socCodes'],
    ['an empty summary', { summary: '  ' }, 'summary'],
    [
      'importance out of 1–5',
      { skills: [{ name: 'X', importance: 6, source: 'bls' }] },
      'skills.0.importance',
    ],
    ['a job zone of 7', { jobZone: { level: 7, name: 'x', source: 'bls' } }, 'jobZone.level'],
    ['no sources', { sources: [] }, 'sources'],
  ])('rejects %s', (_what, patch, path) => {
    const result = RoleSchema.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test('rejects unknown fields at any depth', () => {
    const result = RoleSchema.safeParse({
      ...base,
      colour: 'red',
      skills: [{ name: 'X', source: 'bls', extra: 1 }],
    });
    expect(result.success).toBe(false);
    const codes = result.error?.issues.map((i) => i.code);
    expect(codes?.filter((c) => c === 'unrecognized_keys')).toHaveLength(2);
  });
});

describe('SalarySchema', () => {
  const entry = { source: 'bls', period: 'May 2024', label: 'x' };
  test('needs at least one figure', () => {
    expect(SalarySchema.safeParse(entry).success).toBe(false);
    expect(SalarySchema.safeParse({ ...entry, low: 35000, high: 50000 }).success).toBe(true);
  });
  test('money is whole dollars', () => {
    expect(SalarySchema.safeParse({ ...entry, median: 40000.5 }).success).toBe(false);
  });
});

describe('hasLongWord', () => {
  const regex = new RegExp(`[\\p{L}\\p{N}]{${MAX_WORD_LENGTH + 1}}`, 'u');
  test('agrees with the Unicode letter-run regex on any text', () => {
    // Runs near the limit, of ASCII and other letters, split by spaces, hyphens and marks.
    const piece = fc.oneof(
      fc.constantFrom(' ', '-', '.', '\u00e9', '\u4e00', '\u0301', '1', 'a', 'Z', '\ud83d\ude00'),
      fc.integer({ min: 60, max: 70 }).map((n) => 'x'.repeat(n)),
      fc.integer({ min: 30, max: 40 }).map((n) => '\u00e9'.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(hasLongWord(text)).toBe(regex.test(text));
      }),
      { numRuns: 2000 },
    );
  });
});
