/**
 * The real server process refusing what it cannot use, in one line naming DATA_DIR (or the
 * setting), the path and the cause, with exit code 1 and the journal left as it was; and the
 * modes of what it creates (directory 0700, journal files 0600).
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-refusals-'));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>, options: Pick<SpawnOptions, 'uid' | 'gid'> = {}) {
  const child = spawn(
    process.execPath,
    ['--max-http-header-size=1048576', '--import', 'tsx', 'src/server/boot/main.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: base,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ECS_MODE: 'emulator',
        LOG_LEVEL: 'info',
        PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    },
  );
  children.push(child);
  let stderr = '';
  let all = '';
  child.stdout!.on('data', (d: Buffer) => (all += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    all += d.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, stderr: () => stderr, output: () => all };
}

/** Runs the server to its refusal: exit code and the refusal's lines on stderr. */
async function refusal(env: Record<string, string>, options?: Pick<SpawnOptions, 'uid' | 'gid'>) {
  const run = start(env, options);
  const code = await run.exited;
  const lines = run
    .stderr()
    .split('\n')
    .filter((l) => l.trim().length > 0 && !l.startsWith('{'));
  return { code, lines };
}

function expectOneLine(lines: string[], pattern: RegExp): void {
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(lines[0]).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('start-up refusals', () => {
  it('refuses a DATA_DIR that is a file, and leaves the file alone', async () => {
    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const { code, lines } = await refusal({ DATA_DIR: file });
    expect(code).toBe(1);
    expectOneLine(lines, new RegExp(`DATA_DIR: ${file} is not a directory`));
    expect(fs.readFileSync(file, 'utf8')).toBe('not a directory');
  }, 30_000);

  it('refuses a DATA_DIR this server may not write', async () => {
    const dir = path.join(base, 'read-only');
    fs.mkdirSync(dir);
    // Root writes anywhere: as root, run the server as "nobody" on a root-owned 0755 directory.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      // "nobody" must reach the directory (mkdtemp makes its parent 0700).
      fs.chmodSync(base, 0o755);
      fs.chmodSync(dir, 0o755);
    } else fs.chmodSync(dir, 0o555);
    const { code, lines } = await refusal(
      { DATA_DIR: dir, HOME: dir },
      asRoot ? { uid: 65534, gid: 65534 } : {},
    );
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(base, 0o700);
    expect(code).toBe(1);
    expectOneLine(lines, new RegExp(`DATA_DIR: ${dir} is read-only .*EACCES`));
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('refuses a journal that is not SQLite, and leaves it untouched', async () => {
    const dir = path.join(base, 'not-sqlite');
    fs.mkdirSync(dir);
    const bytes = Buffer.from('{"restores": "this is somebody else\'s file"}\n'.repeat(200));
    fs.writeFileSync(path.join(dir, 'journal.db'), bytes);
    const { code, lines } = await refusal({ DATA_DIR: dir });
    expect(code).toBe(1);
    expectOneLine(lines, /DATA_DIR: the journal .*journal\.db is not a SQLite database/);
    expect(fs.readFileSync(path.join(dir, 'journal.db')).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'journal.db-wal'))).toBe(false);
  }, 30_000);

  it('refuses a corrupt journal, and leaves it untouched', async () => {
    const dir = path.join(base, 'corrupt');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'journal.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    db.close();
    // Keep the header, overwrite pages in the middle with garbage.
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 4096 * 2, 4096 * 6);
    fs.writeFileSync(file, bytes);
    const { code, lines } = await refusal({ DATA_DIR: dir });
    expect(code).toBe(1);
    expectOneLine(lines, /DATA_DIR: the journal .*journal\.db is corrupt/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  }, 30_000);

  it('refuses a journal from a newer schema, and leaves it untouched', async () => {
    const dir = path.join(base, 'newer');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'journal.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(999);
    db.close();
    const bytes = fs.readFileSync(file);
    const { code, lines } = await refusal({ DATA_DIR: dir });
    expect(code).toBe(1);
    expectOneLine(
      lines,
      /DATA_DIR: the journal .*journal\.db was written by a newer version .*999/,
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  }, 30_000);

  it('refuses EMULATOR_TEST_CONTROLS in live mode in one line', async () => {
    const { code, lines } = await refusal({
      DATA_DIR: path.join(base, 'controls'),
      ECS_MODE: 'live',
      EMULATOR_TEST_CONTROLS: 'true',
    });
    expect(code).toBe(1);
    expectOneLine(lines, /EMULATOR_TEST_CONTROLS/);
  }, 30_000);
});

describe('one server per DATA_DIR', () => {
  it('refuses a second server, creates the directory 0700 and the journal 0600, and frees the lock on exit', async () => {
    const dir = path.join(base, 'shared', 'data');
    const first = start({ DATA_DIR: dir, PORT: String(await freePort()) });
    await waitFor(() => first.output().includes('listening'), 'the first server');
    expect(mode(dir)).toBe(0o700);
    for (const name of ['journal.db', 'journal.db-wal', 'journal.db-shm', 'server.lock'])
      if (fs.existsSync(path.join(dir, name))) expect(mode(path.join(dir, name))).toBe(0o600);
    expect(mode(path.join(dir, 'journal.db'))).toBe(0o600);

    const second = await refusal({ DATA_DIR: dir, PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expectOneLine(
      second.lines,
      new RegExp(`DATA_DIR: ${dir} is already used by another running server`),
    );

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // A server killed outright leaves no stale lock either: the kernel drops it with the process.
    const third = start({ DATA_DIR: dir, PORT: String(await freePort()) });
    await waitFor(() => third.output().includes('listening'), 'the server after a clean stop');
    third.child.kill('SIGKILL');
    await third.exited;
    const fourth = start({ DATA_DIR: dir, PORT: String(await freePort()) });
    await waitFor(() => fourth.output().includes('listening'), 'the server after SIGKILL');
    fourth.child.kill('SIGTERM');
    expect(await fourth.exited).toBe(0);
  }, 90_000);
});
