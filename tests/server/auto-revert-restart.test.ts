/**
 * The confirm-or-revert timer survives the server: a real server process (live mode against
 * the emulator as a separate HTTP process, so ECS keeps its state when our server dies) arms a
 * short deadline, is killed with SIGKILL, stays down past the deadline, and at the next start
 * the revert runs from the journal and the source gets its rules back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { compareRuleSets } from '../../src/domain/plan-result';
import type { Rule } from '../../src/domain/types';
import type { RestoreDetail } from '../../src/server/contract';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-auto-revert-'));
const children: ChildProcess[] = [];
const MINUTE_MS = 4000;
const json = { 'content-type': 'application/json' };

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(script: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--max-http-header-size=1048576', '--import', 'tsx', script],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dataDir,
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output: () => out, exited };
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function same(a: Rule[], b: Rule[]): boolean {
  const diff = compareRuleSets(a, b);
  return diff.missing.length === 0 && diff.unexpected.length === 0;
}

describe('the auto-revert timer across a restart', () => {
  it('fires at start for a deadline that passed while the server was down', async () => {
    const emulatorPort = await freePort();
    const emulator = start('src/mocks/serve.ts', { EMULATOR_PORT: String(emulatorPort) });
    await waitFor(() => emulator.output().includes('listening'), 'the emulator');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ECS_MODE: 'live',
      ECS_ENDPOINT: `http://127.0.0.1:${emulatorPort}`,
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'test-access-key-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'test-access-key-secret',
      DATA_DIR: dataDir,
      PORT: String(port),
      AUTO_REVERT_MINUTE_MS: String(MINUTE_MS),
    };
    const first = start('src/server/boot/main.ts', env);
    await waitFor(() => first.output().includes('listening'), 'the first start');

    const find = async (name: string) => {
      const body = (await (
        await fetch(`${base}/api/regions/cn-hangzhou/security-groups?search=${name}`)
      ).json()) as { groups: { id: string; name: string }[] };
      return body.groups.find((g) => g.name === name)!.id;
    };
    const rulesOf = async (id: string) =>
      (
        (await (await fetch(`${base}/api/regions/cn-hangzhou/security-groups/${id}`)).json()) as {
          rules: Rule[];
        }
      ).rules;
    const detailOf = async (id: string) =>
      (await (await fetch(`${base}/api/restores/${id}`)).json()) as RestoreDetail;
    const source = await find('web-prod');
    const destination = await find('web-prod-backup-20261120');
    const before = await rulesOf(source);
    const previewRes = await fetch(
      `${base}/api/regions/cn-hangzhou/security-groups/${source}/restore-preview`,
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ destinationId: destination, mode: 'completely' }),
      },
    );
    const { revision } = (await previewRes.json()) as { revision: string };
    const started = await fetch(
      `${base}/api/regions/cn-hangzhou/security-groups/${source}/restores`,
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          destinationId: destination,
          mode: 'completely',
          revision,
          // web-prod has running instances and the restore removes a rule: its name is typed.
          confirmName: 'web-prod',
          autoRevertMinutes: 1,
        }),
      },
    );
    expect(started.status).toBe(202);
    const { restoreId } = (await started.json()) as { restoreId: string };
    await waitFor(
      async () => (await detailOf(restoreId)).autoRevert?.state === 'armed',
      'the timer to arm',
    );
    const armed = await detailOf(restoreId);
    first.child.kill('SIGKILL');
    await first.exited;
    // The first process died before its deadline: the revert below is the second one's.
    expect(first.output()).not.toContain('revert started');
    const deadline = Date.parse(armed.autoRevert!.deadline!);
    await waitFor(() => Date.now() > deadline + 200, 'the deadline to pass');

    const second = start('src/server/boot/main.ts', env);
    await waitFor(() => second.output().includes('listening'), 'the second start');
    await waitFor(
      async () => (await detailOf(restoreId)).autoRevert?.state === 'reverted',
      'the revert at start',
    );
    const reverted = (await detailOf(restoreId)).autoRevert!;
    expect(reverted.decidedBy).toBe('auto-revert');
    expect(Date.parse(reverted.decidedAt!)).toBeGreaterThan(deadline);
    expect(await detailOf(reverted.revertId!)).toMatchObject({
      kind: 'rollback',
      parentId: restoreId,
      status: 'succeeded',
    });
    expect(same(before, await rulesOf(source))).toBe(true);
  }, 90_000);
});
