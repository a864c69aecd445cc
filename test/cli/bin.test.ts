// The `mou-bot` command as installed: bin/mou-bot.js runs the compiled CLI in dist/, builds it when
// it is missing or older than the sources, and `npx mou-bot ask --json` prints nothing but JSON.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KNOWLEDGE_DIR: join(cwd, 'knowledge'),
      DATA_DIR: join(tmpdir(), `mou-bin-${process.pid}`),
    };
    // No platform from the developer's .env: set values win over .env, and empty ones count as unset.
    for (const name of ['TELEGRAM_BOT_TOKEN', 'SLACK_BOT_TOKEN', 'LOG_LEVEL', 'HEALTH_PORT']) env[name] = '';
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}

describe('npx mou-bot', () => {
  it('prints one JSON answer on stdout, with no npm header', async () => {
    const r = await run('npx', ['--no-install', 'mou-bot', 'ask', '--json', 'Ai phụ trách cầu Hòa Sơn?'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ found: true, intent: 'responsibility' });
  });
});

describe('bin/mou-bot.js in a fresh copy of the project', () => {
  let project: string;
  const mouBot = (...args: string[]) => run(process.execPath, [join(project, 'bin/mou-bot.js'), ...args], project);

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'mou-bin-project-'));
    for (const part of ['bin', 'scripts', 'src', 'adapters', 'knowledge', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
      await cp(join(ROOT, part), join(project, part), { recursive: true });
    }
    await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('builds dist/ on the first run, then runs it as it is while no source changes', async () => {
    const first = await mouBot('ask', '--json', 'C18');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/compiling TypeScript/);
    expect(JSON.parse(first.stdout)).toMatchObject({ found: true });
    const second = await mouBot('ask', '--json', 'C18');
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });

  it('rebuilds when a source file changed, and runs the new code', async () => {
    const cli = join(project, 'src/cli.ts');
    await writeFile(cli, (await readFile(cli, 'utf8')).replace('print one answer', 'print one answer (edited)'));
    const r = await mouBot('ask');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/compiling TypeScript/);
    expect(r.stderr).toContain('print one answer (edited)');
  });

  it('starts nothing and keeps the last good build when the build fails', async () => {
    const cli = join(project, 'src/cli.ts');
    const good = await readFile(cli, 'utf8');
    await writeFile(cli, `${good}\nconst broken = ;\n`);
    const r = await mouBot('ask', 'C18');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/the build failed \(see above\); nothing was started/);
    expect(await readFile(join(project, 'dist/src/cli.js'), 'utf8')).toContain('print one answer (edited)');
  });
});
