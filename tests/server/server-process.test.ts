/**
 * The real server process (src/server/boot/main.ts) in emulator mode: start-up, a restore killed
 * with SIGKILL mid-run, and the restart that reports it interrupted from the journal file.
 * (The in-process crash tests check rollback against the ECS state that survives; here the
 * emulator dies with the process, so this file checks what the process itself must do.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RestoreDetail } from '../../src/server/contract';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rrc-process-'));
const children: ChildProcess[] = [];

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

function startServer(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  // As `npm run serve` starts it (the header size lets long Authorize URLs reach the emulator).
  const child = spawn(
    process.execPath,
    ['--max-http-header-size=1048576', '--import', 'tsx', 'src/server/boot/main.ts'],
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
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output: () => out, exited };
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const json = { 'content-type': 'application/json' };

describe('the server process', () => {
  it('stops with a message naming a bad variable', async () => {
    const bad = startServer({ PORT: 'abc', DATA_DIR: dataDir });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT/);
    const exposed = startServer({ HOST: '0.0.0.0', DATA_DIR: dataDir, ECS_MODE: 'emulator' });
    expect(await exposed.exited).toBe(1);
    expect(exposed.output()).toMatch(/HOST.*CONSOLE_TOKEN/);
  }, 60_000);

  it('reports a restore killed by SIGKILL as interrupted after a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ECS_MODE: 'emulator',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMULATOR_TEST_CONTROLS: 'true',
    };
    const first = startServer(env);
    await waitFor(() => first.output().includes('listening'), 'the first start');
    expect(first.output()).toContain('ECS mode: emulator');
    expect(await (await fetch(`${base}/api/session`)).json()).toMatchObject({ mode: 'emulator' });

    const find = async (name: string) => {
      const body = (await (
        await fetch(`${base}/api/regions/cn-hangzhou/security-groups?search=${name}`)
      ).json()) as { groups: { id: string; name: string }[] };
      return body.groups.find((g) => g.name === name)!.id;
    };
    const source = await find('web-prod');
    const destination = await find('web-prod-backup-20261120');
    const previewRes = await fetch(
      `${base}/api/regions/cn-hangzhou/security-groups/${source}/restore-preview`,
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ destinationId: destination, mode: 'completely' }),
      },
    );
    const { revision } = (await previewRes.json()) as { revision: string };
    await fetch(`${base}/api/_emulator/latency`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ms: 400 }),
    });
    const started = await fetch(
      `${base}/api/regions/cn-hangzhou/security-groups/${source}/restores`,
      {
        method: 'POST',
        headers: json,
        // web-prod has running instances and the restore removes a rule: its name is typed.
        body: JSON.stringify({
          destinationId: destination,
          mode: 'completely',
          revision,
          confirmName: 'web-prod',
        }),
      },
    );
    expect(started.status).toBe(202);
    const { restoreId } = (await started.json()) as { restoreId: string };
    await waitFor(async () => {
      const detail = (await (
        await fetch(`${base}/api/restores/${restoreId}`)
      ).json()) as RestoreDetail;
      return detail.steps[1]?.status === 'running';
    }, 'step 2 to run');
    first.child.kill('SIGKILL');
    await first.exited;

    const second = startServer(env);
    await waitFor(() => second.output().includes('listening'), 'the restart');
    expect(second.output()).toContain(restoreId);
    const detail = (await (
      await fetch(`${base}/api/restores/${restoreId}`)
    ).json()) as RestoreDetail;
    expect(detail.status).toBe('interrupted');
    expect(detail.steps.slice(0, 2).map((s) => s.status)).toEqual(['applied', 'failed']);
    expect(detail.steps[1]!.error?.code).toBe('Interrupted');
    expect(detail.steps.slice(2).every((s) => s.status === 'pending')).toBe(true);
    expect(detail.snapshot.length).toBeGreaterThan(0);

    // The restarted emulator is freshly seeded (its state died with the process): the source
    // already has its snapshot, which rollback finds by re-reading instead of trusting the journal.
    const shown = await fetch(`${base}/api/restores/${restoreId}/rollback-preview`);
    const rollbackPreview = (await shown.json()) as { revision: string; identical: boolean };
    expect(rollbackPreview.identical).toBe(true);
    const rollback = await fetch(`${base}/api/restores/${restoreId}/rollback`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ revision: rollbackPreview.revision }),
    });
    expect(rollback.status).toBe(400);
    expect(await rollback.json()).toMatchObject({ code: 'NothingToRestore' });

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('sends 100-rule batches (URLs far over 16 KiB) to the emulator', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startServer({
      ECS_MODE: 'emulator',
      DATA_DIR: path.join(dataDir, 'batch'),
      PORT: String(port),
      BATCH_SIZE: '100',
    });
    await waitFor(() => server.output().includes('listening'), 'the start');
    const find = async (name: string) => {
      const body = (await (
        await fetch(`${base}/api/regions/cn-hangzhou/security-groups?search=${name}`)
      ).json()) as { groups: { id: string; name: string }[] };
      return body.groups.find((g) => g.name === name)!.id;
    };
    const source = await find('empty-sandbox');
    const destination = await find('legacy-monolith');
    const shown = (await (
      await fetch(`${base}/api/regions/cn-hangzhou/security-groups/${source}/restore-preview`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ destinationId: destination, mode: 'completely' }),
      })
    ).json()) as { revision: string; plan: { calls: number } };
    expect(shown.plan.calls).toBe(3);
    const started = await fetch(
      `${base}/api/regions/cn-hangzhou/security-groups/${source}/restores`,
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          destinationId: destination,
          mode: 'completely',
          revision: shown.revision,
        }),
      },
    );
    const { restoreId } = (await started.json()) as { restoreId: string };
    let detail: RestoreDetail | undefined;
    await waitFor(async () => {
      detail = (await (await fetch(`${base}/api/restores/${restoreId}`)).json()) as RestoreDetail;
      return detail.status !== 'running' && detail.status !== 'pending';
    }, 'the restore');
    expect(detail?.status).toBe('succeeded');
    server.child.kill('SIGTERM');
    await server.exited;
  }, 60_000);
});
