import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real production server (emulator mode, fresh data dir) on a free loopback port
 * and resolves once /api/session answers. The caller builds the SPA first. The server serves
 * `dist` of `cwd` (the working directory by default).
 */
export async function serveBuilt(
  extraEnv: Record<string, string> = {},
  cwd = process.cwd(),
): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    join(cwd, 'node_modules/.bin/tsx'),
    ['--max-http-header-size=1048576', 'src/server/boot/main.ts'],
    {
      cwd,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        ECS_MODE: 'emulator',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'restore-console-')),
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/session`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not answer /api/session within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
