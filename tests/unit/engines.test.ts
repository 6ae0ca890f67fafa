/**
 * The Node.js versions Gloss says it runs on are the ones its dependencies accept: package.json's `engines`,
 * the lock file, the README and the CI script say the same, and `npm ci` on a supported Node prints no engine
 * warning (every locked package's own `engines` accepts the oldest version of each supported line).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers';

type Version = [number, number, number];

function parse(v: string): Version {
  const [a = 0, b = 0, c = 0] = v
    .replace(/^v/, '')
    .split('.')
    .map((x) => Number(x.replace(/[^\d].*$/, '') || 0));
  return [a, b, c];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies one comparator (`>=20.19`, `^22.13.0`, `~3.0`, `20`, `20.x`, `*`). */
function comparator(version: Version, c: string): boolean {
  if (c === '*' || c === '' || c === 'x') return true;
  const m = /^(\^|~|>=|<=|>|<|=)?v?([\dx*.]+)$/.exec(c);
  if (!m) throw new Error(`a range this test cannot read: ${c}`);
  const op = m[1] ?? '';
  const parts = m[2]!.split('.').filter((p) => p !== 'x' && p !== '*');
  const base = parse(parts.join('.'));
  const cmp = compare(version, base);
  switch (op) {
    case '>=':
      return cmp >= 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    case '<':
      return cmp < 0;
    case '^': {
      if (cmp < 0) return false;
      if (base[0] > 0 || parts.length < 2) return version[0] === base[0];
      return version[0] === 0 && version[1] === base[1];
    }
    case '~':
      return cmp >= 0 && version[0] === base[0] && (parts.length < 2 || version[1] === base[1]);
    default:
      // "20", "20.19": that line; "20.19.1": that version.
      return parts.every((p, i) => version[i] === Number(p));
  }
}

function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/);
    // "1.2.3 - 2.3.4"
    const dash = comparators.indexOf('-');
    if (dash > 0) return comparator(v, `>=${comparators[dash - 1]}`) && comparator(v, `<=${comparators[dash + 1]}`);
    return comparators.every((c) => comparator(v, c));
  });
}

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
};
const range = pkg.engines.node;
// The oldest release of each line the range accepts.
const oldest = ['18.0.0', '20.0.0', '20.19.0', '22.0.0', '22.13.0', '24.0.0'].filter((v) => satisfies(v, range));
const lowest = oldest[0]!;

describe('reading ranges', () => {
  test.each([
    ['20.19.0', '^20.19.0 || ^22.13.0 || >=24', true],
    ['20.18.3', '^20.19.0 || ^22.13.0 || >=24', false],
    ['21.0.0', '^20.19.0 || ^22.13.0 || >=24', false],
    ['22.12.0', '^20.19.0 || ^22.13.0 || >=24', false],
    ['24.1.0', '^20.19.0 || ^22.13.0 || >=24', true],
    ['20.20.2', '>= 18', true],
    ['20.20.2', '>=22', false],
    ['20.20.2', '20 || >=22', true],
    ['20.20.2', '^12.20.0 || ^14.13.1 || >=16.0.0', true],
    ['0.3.1', '^0.2.0', false],
    ['20.20.2', '>=12 <21', true],
    ['22.1.0', '>=12 <21', false],
  ])('%s in %s: %s', (version, r, expected) => expect(satisfies(version, r)).toBe(expected));
});

describe('Node.js versions', () => {
  test('package.json and the lock file state the same range, and it starts at a line that is still supported', () => {
    const root = lock.packages[''] as { engines?: { node?: string } };
    expect(root.engines?.node).toBe(range);
    expect(oldest.length).toBeGreaterThan(0);
  });

  test('every locked package accepts the oldest release of each line the range accepts (npm ci prints no warning)', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path) continue;
      const need = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!need) continue;
      for (const version of oldest)
        if (!satisfies(version, need))
          refused.push(`${path.replace(/^.*node_modules\//, '')} needs ${need} (${version})`);
    }
    expect(refused).toEqual([]);
  });

  test('the README and the CI script say the same', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const [major, minor] = parse(lowest);
    expect(readme).toContain(`Node.js ${major}.${minor}`);
    const ci = readFileSync(resolve(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('--engine-strict');
    expect(ci).toContain('engines.node');
  });
});
