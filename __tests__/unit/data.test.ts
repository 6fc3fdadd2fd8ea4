/**
 * Checks the shipped data set as a whole: completeness, sourcing and internal consistency.
 */
import { loadCatalog } from '../../src/data/roles.js';
import { BUILT_IN_DATA_DIR } from '../../src/data/dirs.js';
import type { Role } from '../../src/model/schema.js';
import { normalize } from '../../src/core/word-index.js';

const catalog = loadCatalog(BUILT_IN_DATA_DIR);
const roles = catalog.roles;

/** Every O*NET-SOC code the project covers (O*NET 29.2 back office set, incl. the "All Other" codes). */
const COVERED_CODES = [
  '11-3012.00',
  '13-1041.00',
  '13-1071.00',
  '13-1141.00',
  '43-1011.00',
  '43-3011.00',
  '43-3021.00',
  '43-3031.00',
  '43-3051.00',
  '43-3061.00',
  '43-3099.00',
  '43-4011.00',
  '43-4021.00',
  '43-4041.00',
  '43-4071.00',
  '43-4131.00',
  '43-4151.00',
  '43-4161.00',
  '43-4171.00',
  '43-4199.00',
  '43-5061.00',
  '43-6011.00',
  '43-6012.00',
  '43-6013.00',
  '43-6014.00',
  '43-9021.00',
  '43-9022.00',
  '43-9041.00',
  '43-9051.00',
  '43-9061.00',
  '43-9071.00',
  '43-9081.00',
  '43-9111.00',
  '43-9199.00',
  // Added in issue 15.
  '11-3121.00',
  '13-1023.00',
  '13-1031.00',
  '13-2011.00',
  '15-1232.00',
  '23-2011.00',
  '29-2072.00',
  '43-4031.00',
  '43-5071.00',
  '11-3031.00',
  '13-1081.00',
  '13-1151.00',
  '13-2031.00',
  '13-2041.00',
  '13-2053.00',
  '13-2082.00',
  '23-2093.00',
  '31-9094.00',
  '43-2011.00',
  '43-3071.00',
  '43-4051.00',
  '43-4061.00',
  '43-4121.00',
  '43-4141.00',
  '43-5011.00',
  '43-9031.00',
];

/** O*NET 29.2 rates no skills for these roles' codes (29-2072.00, facts README). */
const NO_ONET_SKILLS = new Set(['medical-records-specialist']);

describe('the built-in data set', () => {
  test('has at least 59 roles and reaches every covered O*NET-SOC code', () => {
    expect(roles.length).toBeGreaterThanOrEqual(59);
    const codes = new Set(roles.flatMap((r) => r.socCodes));
    expect(COVERED_CODES.filter((c) => !codes.has(c))).toEqual([]);
  });

  test.each(roles.map((r) => [r.id, r] as [string, Role]))(
    '%s has every core section filled',
    (_id, role) => {
      expect(role.summary.length).toBeGreaterThan(40);
      expect(role.aliases.length).toBeGreaterThan(0);
      if (NO_ONET_SKILLS.has(role.id)) expect(role.skills).toEqual([]);
      else expect(role.skills.length).toBeGreaterThan(0);
      expect(role.tasks.length).toBeGreaterThan(0);
      expect(role.software.length).toBeGreaterThan(0);
      expect(role.salary.length).toBeGreaterThan(0);
      expect(role.relatedRoles.length).toBeGreaterThanOrEqual(2);
      for (const s of role.salary) {
        expect(s.source).toBeTruthy();
        expect(s.period).toBeTruthy();
      }
    },
  );

  test('every O*NET profile lists its O*NET titles apart from its aliases, sorted and distinct', () => {
    const bad: string[] = [];
    for (const role of roles) {
      const t = { current: role.onetTitles, historic: role.historicTitles };
      const all = [...t.current, ...t.historic].map(normalize);
      if (t.current.length < 10) bad.push(`${role.id}: only ${t.current.length} O*NET titles`);
      if (new Set(all).size !== all.length) bad.push(`${role.id}: a title is listed twice`);
      const byName = (a: string, b: string) =>
        a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
      for (const list of [t.current, t.historic])
        if (list.some((x, i) => i > 0 && byName(list[i - 1] as string, x) > 0))
          bad.push(`${role.id}: titles not sorted`);
      if (!role.sources.some((s) => s.id === 'onet-occupation'))
        bad.push(`${role.id}: O*NET titles without the onet-occupation source`);
      // The hand-written aliases stay short lists of lay names, not copies of O*NET's list.
      if (role.aliases.length > 12) bad.push(`${role.id}: ${role.aliases.length} aliases`);
    }
    expect(bad).toEqual([]);
  });

  test('obsolete titles are historic, never current, and each belongs to a role', () => {
    const historic = roles.flatMap((r) => r.historicTitles).map(normalize);
    const current = new Set(roles.flatMap((r) => r.onetTitles).map(normalize));
    expect(historic.length).toBeGreaterThan(40);
    expect(historic.filter((h) => current.has(h))).toEqual([]);
    expect(catalog.byId.get('data-entry-keyer')?.historicTitles).toContain('Card Puncher');
  });

  test('every O*NET profile has keywords: distinct lower-case words, sorted', () => {
    for (const role of roles.filter((r) => r.onetTitle)) {
      const words = role.keywords?.words ?? [];
      expect({ id: role.id, enough: words.length >= 30 }).toEqual({ id: role.id, enough: true });
      expect(words).toEqual([...new Set(words)].sort());
      expect(words.filter((w) => !/^[a-z]{3,}$/.test(w))).toEqual([]);
      expect(role.keywords?.sources).toEqual(['onet-tasks', 'onet-occupation']);
    }
  });

  test('every salary is ordered p10 ≤ p25 ≤ median ≤ p75 ≤ p90, and low ≤ high', () => {
    const bad: string[] = [];
    for (const role of roles) {
      for (const s of role.salary) {
        const seq = [s.p10, s.p25, s.median, s.p75, s.p90].filter(
          (v): v is number => v !== undefined,
        );
        if (seq.some((v, i) => i > 0 && v < (seq[i - 1] as number)))
          bad.push(`${role.id}: ${s.label}`);
        if (s.low !== undefined && s.high !== undefined && s.low > s.high)
          bad.push(`${role.id}: range`);
      }
      for (const c of role.cities) {
        const seq = [c.p25, c.median, c.p75].filter((v): v is number => v !== undefined);
        if (seq.some((v, i) => i > 0 && v < (seq[i - 1] as number)))
          bad.push(`${role.id}: ${c.name}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('every related role exists and no role lists itself', () => {
    const bad = roles.flatMap((r) =>
      r.relatedRoles
        .filter((rel) => !catalog.byId.has(rel.id) || rel.id === r.id)
        .map((rel) => `${r.id} -> ${rel.id}`),
    );
    expect(bad).toEqual([]);
  });

  test('every national BLS figure names May 2024 and its SOC code; trends run oldest to newest', () => {
    for (const role of roles) {
      const bls = role.salary.filter((s) => s.source === 'bls-oews-2024');
      expect(bls.length).toBeGreaterThan(0);
      for (const s of bls) {
        expect(s.period).toBe('May 2024');
        expect(s.socCode).toMatch(/^\d{2}-\d{4}$/);
      }
      const years = role.salaryTrend?.points.map((p) => Number(p.period.slice(-4))) ?? [];
      expect(years).toEqual([...years].sort());
      expect(years.at(-1)).toBe(2024);
    }
  });

  test('metro wages exist for 39 roles, in up to 12 metros each, and every metro has a 2024 price parity', () => {
    const withFigures = roles.filter((r) => r.cities.some((c) => c.median !== undefined));
    expect(withFigures).toHaveLength(39);
    for (const r of withFigures) {
      const metros = r.cities.filter((c) => c.metro);
      expect(metros.length).toBeLessThanOrEqual(12);
      // Fewest: desktop publishers, 8 of 11 metros (BLS released no wages for 3, none for Seattle).
      expect(metros.filter((c) => c.median !== undefined).length).toBeGreaterThanOrEqual(8);
      for (const c of metros) {
        expect(c.period).toBe('May 2024');
        expect(c.sources).toEqual(['bls-oews-metro-2024']);
        // A city without a published figure says why.
        if (c.median === undefined || c.employment === undefined || c.p75 === undefined)
          expect(c.note).toBeTruthy();
      }
    }
    expect(catalog.metros).toHaveLength(12);
    for (const m of catalog.metros) expect(m.rpp.map((p) => p.year)).toContain(2024);
  });

  test('on the seed profiles, BLS figures are labelled as our benchmark, not the seed’s', () => {
    for (const id of ['back-office-specialist', 'back-office-administrator']) {
      const r = catalog.byId.get(id) as Role;
      const bls = r.salary.filter((s) => s.source.startsWith('bls-'));
      expect(bls.length).toBeGreaterThan(0);
      for (const s of bls) {
        expect(s.label).toMatch(/^Our benchmark, not the seed's/);
        expect(s.note).toMatch(/project's comparison/);
      }
      expect(r.salaryTrend?.label).toMatch(/^Our benchmark, not the seed's/);
    }
  });

  test('the seed profiles carry their seeds’ facts', () => {
    const spec = catalog.byId.get('back-office-specialist') as Role;
    const admin = catalog.byId.get('back-office-administrator') as Role;
    expect(spec.salary.find((s) => s.source === 'seed-specialist')?.mean).toBe(40000);
    const range = admin.salary.find((s) => s.source === 'seed-administrator');
    expect([range?.low, range?.high]).toEqual([35000, 50000]);
    expect(admin.certifications.map((c) => c.abbreviation)).toEqual(['CAP', 'MOS']);
    expect(spec.industries).toEqual(['Finance', 'Healthcare', 'Retail']);
    expect(spec.cities.map((c) => c.name)).toEqual(['New York', 'Chicago', 'Los Angeles']);
    expect(admin.cities.map((c) => c.name)).toEqual([
      'New York',
      'Los Angeles',
      'Chicago',
      'Houston',
      'Atlanta',
    ]);
    const tools = [...spec.software, ...admin.software].map((t) => t.name).join(' | ');
    for (const t of [
      'Word',
      'Excel',
      'PowerPoint',
      'Outlook',
      'Salesforce',
      'QuickBooks',
      'Access',
      'Oracle',
      'MySQL',
      'Trello',
      'Asana',
      'Basecamp',
      'Gmail',
      'Slack',
      'Teams',
      'SharePoint',
      'Google Drive',
    ]) {
      expect(tools).toContain(t);
    }
    expect(spec.relatedRoles.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'data-entry-keyer',
        'administrative-assistant',
        'hr-specialist',
        'bookkeeping-clerk',
      ]),
    );
    expect(admin.relatedRoles.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'administrative-assistant',
        'data-entry-keyer',
        'office-supervisor',
        'executive-assistant',
      ]),
    );
  });

  test('the contrast roles are marked front office and nothing else is', () => {
    expect(
      roles
        .filter((r) => r.frontOffice)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['customer-service-rep', 'receptionist', 'switchboard-operator', 'teller']);
  });
});
