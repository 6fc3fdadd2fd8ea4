import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { jsonSchema, schemaFiles, schemaNames } from '../../src/core/output.js';
import { SCHEMA_VERSION } from '../../src/model/json.js';
import { ROOT, schemaErrors } from '../helpers.js';

const rolesDir = join(ROOT, 'data', 'roles');

describe('published JSON Schemas (schema/*.schema.json)', () => {
  test('the committed files are exactly the ones generated from src/core/output.ts', () => {
    // On failure: run `npm run schemas`, commit schema/, and bump SCHEMA_VERSION if a shape changed.
    const dir = join(ROOT, 'schema');
    const generated = schemaFiles();
    const onDisk = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
    expect(onDisk.sort()).toEqual(generated.map((g) => g.file).sort());
    for (const g of generated) expect(readFileSync(join(dir, g.file), 'utf8')).toBe(g.text);
  });

  test('every document schema pins the current schemaVersion and the currency', () => {
    for (const name of schemaNames().filter((n) => n !== 'role')) {
      const props = jsonSchema(name).properties as Record<string, { const?: unknown }>;
      expect([name, props.schemaVersion?.const, props.currency?.const]).toEqual([
        name,
        SCHEMA_VERSION,
        'USD',
      ]);
    }
  });

  test('role.schema.json accepts every built-in role file', () => {
    const files = readdirSync(rolesDir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) {
      const role = parse(readFileSync(join(rolesDir, f), 'utf8'));
      expect([f, schemaErrors('role', role)]).toEqual([f, []]);
    }
  });

  test('role.schema.json rejects an unknown field, a money string and a bad slug', () => {
    const role = parse(readFileSync(join(rolesDir, 'payroll-clerk.yaml'), 'utf8'));
    expect(schemaErrors('role', { ...role, favouriteColour: 'blue' })).toEqual([
      '/ must NOT have additional properties',
    ]);
    const money = structuredClone(role);
    money.salary[0].median = '$52,000';
    expect(schemaErrors('role', money)).toEqual(['/salary/0/median must be integer']);
    expect(schemaErrors('role', { ...role, id: 'Payroll Clerk' })[0]).toMatch(/^\/id must match/);
  });
});
