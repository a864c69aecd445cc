// The build: TypeScript in src/ and adapters/ to JavaScript in dist/ (tsconfig.build.json), run by
// `npm run build` and `prepare` (so `npm install` builds), and by bin/mou-bot.js when a source file
// or a build setting has changed since the last build (an edit, a `git pull`).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
/** Written last by a build, dated when the build began: anything changed after that makes dist/ stale. */
const stamp = join(dist, '.built');
const SOURCES = ['src', 'adapters'];
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** The newest change time among the sources (folders too: deleting a file changes its folder). */
function newestSource() {
  let newest = 0;
  const see = (path) => (newest = Math.max(newest, statSync(path).mtimeMs));
  for (const file of SETTINGS) see(join(root, file));
  for (const dir of SOURCES) {
    see(join(root, dir));
    for (const entry of readdirSync(join(root, dir), { recursive: true })) see(join(root, dir, entry));
  }
  return newest;
}

/** True when dist/ is missing or older than a source. A copy without the sources has only dist/ to run. */
export function isStale() {
  if (!SOURCES.every((dir) => existsSync(join(root, dir)))) return false;
  if (!existsSync(stamp)) return true;
  return newestSource() > statSync(stamp).mtimeMs;
}

/**
 * Compiles into a fresh folder and swaps it in whole, so a run never imports half-written files.
 * Returns false (tsc's errors already printed) when the build failed; dist/ is then left as it was.
 */
export function build() {
  const began = new Date();
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('mou-bot: cannot build: the typescript package is missing; run `npm install` first.\n');
    return false;
  }
  let out;
  try {
    out = mkdtempSync(join(root, '.dist-'));
    chmodSync(out, 0o755);
    // tsc reports on stdout; sent to stderr here, since stdout belongs to answers (`ask --json`).
    const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: ['ignore', 2, 2] });
    if (r.status !== 0) return false;
    writeFileSync(join(out, '.built'), '');
    utimesSync(join(out, '.built'), began, began);
    const old = `${out}-old`;
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(out, dist);
    rmSync(old, { recursive: true, force: true });
    return true;
  } catch (err) {
    // A read-only install, for one: say so rather than die with a stack trace.
    process.stderr.write(`mou-bot: cannot build in ${root}: ${err instanceof Error ? err.message : String(err)}\n`);
    return false;
  } finally {
    if (out && existsSync(out)) rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = build() ? 0 : 1;
}
