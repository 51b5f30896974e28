// The layer rule of ARCHITECTURE.md, checked on the source text so it holds even when lint is
// skipped: src/sim imports nothing outside src/sim (ipaddr.js and node:crypto excepted) and never
// reads the host's clock, randomness, timers, process or console.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const simDir = join(root, 'src', 'sim');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Source with comments and string contents blanked, so words in prose do not count. */
function codeOnly(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}

const ALLOWED_PACKAGES = ['ipaddr.js', 'node:crypto'];
const FORBIDDEN = [
  { re: /\bDate\b/, what: 'Date (use the simulated clock)' },
  { re: /\bMath\.random\b/, what: 'Math.random (use the seeded PRNG)' },
  { re: /\b(setTimeout|setInterval|setImmediate|queueMicrotask)\b/, what: 'timers (use advance())' },
  { re: /\bprocess\b/, what: 'process' },
  { re: /\bconsole\b/, what: 'console' },
];

/** Every import/export-from specifier of a file. */
export function importsOf(src: string): string[] {
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of src.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs;
}

/** The violations of the layer rule in one file of src/sim. */
export function simViolations(file: string, src: string): string[] {
  const out: string[] = [];
  for (const spec of importsOf(src)) {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(simDir + '/') && target !== simDir) out.push(`imports ${spec} from outside src/sim`);
    } else if (!ALLOWED_PACKAGES.includes(spec)) out.push(`imports package ${spec}`);
  }
  const code = codeOnly(src);
  for (const f of FORBIDDEN) if (f.re.test(code)) out.push(`uses ${f.what}`);
  return out;
}

test('src/sim is pure: no imports from outside, no clock, randomness, timers, process or console', () => {
  const files = sourceFiles(simDir);
  assert.ok(files.length > 10, 'src/sim has source files');
  const problems = files.flatMap((f) => simViolations(f, readFileSync(f, 'utf8')).map((v) => `${relative(root, f)}: ${v}`));
  assert.deepEqual(problems, []);
});

test('the checker itself catches each kind of violation', () => {
  const f = join(simDir, 'x', 'y.ts');
  const cases: [string, string][] = [
    ["import { render } from 'ink';", 'imports package ink'],
    ["import { readFileSync } from 'node:fs';", 'imports package node:fs'],
    ["import { x } from '../../shell/parse.js';", 'imports ../../shell/parse.js from outside src/sim'],
    ["const t = Date.now();", 'uses Date (use the simulated clock)'],
    ["const r = Math.random();", 'uses Math.random (use the seeded PRNG)'],
    ["setTimeout(() => 1, 5);", 'uses timers (use advance())'],
    ["const a = process.argv;", 'uses process'],
    ["console.log('x');", 'uses console'],
  ];
  for (const [src, expected] of cases) assert.deepEqual(simViolations(f, src), [expected], src);
  assert.deepEqual(simViolations(f, "import ipaddr from 'ipaddr.js';\nimport { createHash } from 'node:crypto';\n// Date in a comment\nconst s = 'Date';"), []);
  assert.deepEqual(simViolations(f, "import { a } from '../rng.js';"), []);
});
