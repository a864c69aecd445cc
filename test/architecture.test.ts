// The import graph of the product code (src/, adapters/): no circles, and no import from a lower
// layer to a higher one. Read from the sources as text (static imports, side-effect imports,
// `export … from`, and dynamic `import('…')`), so it needs no tool beyond Node.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** File → the project files it imports (relative to the root). */
function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of [...files('src'), ...files('adapters')]) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      targets.push(relative(ROOT, resolve(dirname(join(ROOT, file)), spec)));
    }
    out.set(file, targets);
  }
  return out;
}

/** The layer a file belongs to: a file may import its own layer and those below, never above. */
const LAYERS: [RegExp, number][] = [
  [/^src\/(text|config\.ts|batch\.ts)/, 0],
  [/^src\/knowledge\//, 1],
  [/^src\/search\//, 2],
  [/^src\/answer\//, 3],
  [/^src\/(runtime|state|eval|draft|health\.ts|logger\.ts)/, 4],
  [/^src\/(digest|admin)\//, 5],
  [/^adapters\//, 6],
  [/^src\/(main|cli)\.ts$/, 7],
];
const layerOf = (file: string) => LAYERS.find(([re]) => re.test(file))?.[1];

describe('import graph of src/ and adapters/', () => {
  const g = graph();

  it('reads the files and their imports', () => {
    expect(g.size).toBeGreaterThan(50);
    expect(g.get('src/answer/engine.ts')).toContain('src/answer/understand/frame.ts');
    // A dynamic import counts: the composition root loads each adapter when it runs.
    expect(g.get('src/main.ts')).toContain('adapters/telegram/run.ts');
  });

  it('puts every file in a layer', () => {
    expect([...g.keys()].filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('has no import from a lower layer to a higher one', () => {
    const upward: string[] = [];
    for (const [file, targets] of g)
      for (const t of targets) {
        const from = layerOf(file) ?? -1;
        const to = layerOf(t);
        if (to !== undefined && to > from) upward.push(`${file} → ${t}`);
      }
    expect(upward).toEqual([]);
  });

  it('has no circles', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      path.push(file);
      for (const t of g.get(file) ?? []) if (g.has(t)) visit(t);
      path.pop();
      state.set(file, 'done');
    };
    for (const file of g.keys()) visit(file);
    expect(circles).toEqual([]);
  });

  it('never imports test code', () => {
    const leaks = [...g].flatMap(([file, targets]) =>
      targets.filter((t) => /^(test|testkit|bench)\//.test(t)).map((t) => `${file} → ${t}`),
    );
    expect(leaks).toEqual([]);
  });
});

// Issue 14: the benchmarks and the tests share fakes, fixtures and generators through testkit/,
// never by importing each other.
describe('bench/ and test/', () => {
  it('import each other only through testkit/', () => {
    const crossing: string[] = [];
    for (const [from, to] of [
      ['bench', 'test'],
      ['test', 'bench'],
      ['testkit', 'test'],
      ['testkit', 'bench'],
    ] as const) {
      for (const file of files(from)) {
        const text = readFileSync(join(ROOT, file), 'utf8');
        for (const m of text.matchAll(IMPORT)) {
          const spec = m[1] ?? m[2] ?? m[3];
          if (!spec?.startsWith('.')) continue;
          const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec));
          if (target.startsWith(`${to}/`)) crossing.push(`${file} → ${target}`);
        }
      }
    }
    expect(crossing).toEqual([]);
  });
});

// Issue 14: the adapters hold no wording of their own. Sentences users read come from the core
// (src/answer/i18n.ts LABELS, the admin replies, and src/answer/notices.ts for the few the platform
// edge says on its own). A Vietnamese string anywhere in the adapters is wording out of place.
describe('wording', () => {
  const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
  const LITERAL = /'([^'\\]|\\.)*'|"([^"\\]|\\.)*"|`([^`\\]|\\.)*`/g;
  // Words typed as commands, not shown as wording.
  const COMMAND_WORDS = new Set(["'thoát'"]);

  it('no Vietnamese string in the adapters', () => {
    const found: string[] = [];
    for (const file of files('adapters')) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const m of line.matchAll(LITERAL))
          if (VIETNAMESE.test(m[0]) && !COMMAND_WORDS.has(m[0])) found.push(`${file}:${i + 1}: ${m[0]}`);
      });
    }
    expect(found).toEqual([]);
  });
});
