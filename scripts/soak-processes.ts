/**
 * The soak's child processes: the real server, started with the command of package.json's
 * `serve` script (read at run time, so the soak follows the entry point wherever it lives), and
 * the standalone emulator of its `emulator` script. Both run under Node with tsx as loader; the
 * server also gets `--expose-gc` and the memory probe, and answers memory questions over IPC.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = path.join(ROOT, 'scripts', 'soak-probe.ts');
/** How much of a child's output to keep for the report if it dies. */
const OUTPUT_TAIL = 8_000;

export interface TsxCommand {
  /** Node flags given before the entry, e.g. --max-http-header-size=1048576. */
  nodeFlags: string[];
  entry: string;
  args: string[];
}

/** Splits an npm script of the form `tsx [node flags] <entry> [args]` (no shell syntax). */
export function parseTsxScript(name: string, command: string): TsxCommand {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'tsx')
    throw new Error(`npm script "${name}" does not start with tsx: ${command}`);
  const rest = words.slice(1);
  const at = rest.findIndex((word) => !word.startsWith('-'));
  if (at < 0) throw new Error(`npm script "${name}" names no entry file: ${command}`);
  return { nodeFlags: rest.slice(0, at), entry: rest[at] as string, args: rest.slice(at + 1) };
}

/** The command of one npm script of this project, parsed. */
export function npmScript(name: string): TsxCommand {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const command = pkg.scripts?.[name];
  if (!command) throw new Error(`package.json has no "${name}" script`);
  return parseTsxScript(name, command);
}

export interface Child {
  process: ChildProcess;
  /** The last few KB of its stdout and stderr. */
  output(): string;
  /** Resolves with the exit code or signal once it has exited. */
  exited: Promise<string>;
}

function launch(command: TsxCommand, extraNodeFlags: string[], env: Record<string, string>): Child {
  let tail = '';
  const child = fork(path.join(ROOT, command.entry), command.args, {
    cwd: ROOT,
    env,
    execArgv: ['--import', 'tsx', ...command.nodeFlags, ...extraNodeFlags],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code ?? '?'}`));
  });
  return { process: child, output: () => tail, exited };
}

/** The environment every child starts from: enough to run Node, nothing of the caller's settings. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Starts the server of the `serve` script with the memory probe and, if given, a heap cap. */
export function startServerChild(env: Record<string, string>, heapCapMb: number): Child {
  const flags = ['--expose-gc', '--import', PROBE];
  if (heapCapMb > 0) flags.push(`--max-old-space-size=${heapCapMb}`);
  return launch(npmScript('serve'), flags, env);
}

/** Starts the standalone emulator of the `emulator` script and waits until it listens. */
export async function startEmulatorChild(port: number, timeoutMs: number): Promise<Child> {
  const child = launch(npmScript('emulator'), [], { ...baseEnv(), EMULATOR_PORT: String(port) });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the emulator did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      if (!/listening on/i.test(chunk.toString('utf8'))) return;
      clearTimeout(timer);
      child.process.stdout?.off('data', onData);
      resolve();
    };
    child.process.stdout?.on('data', onData);
    void child.exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the emulator stopped at start (${how}): ${child.output()}`));
    });
  });
  return child;
}

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** Asks the server's probe for its memory after a full collection. */
export function memoryOf(child: Child, timeoutMs = 15_000): Promise<MemoryFigures> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.process.off('message', onMessage);
      reject(new Error('the server did not answer the memory probe'));
    }, timeoutMs);
    const onMessage = (message: unknown) => {
      const reply = message as { type?: string; usage?: MemoryFigures };
      if (reply.type !== 'memory' || !reply.usage) return;
      clearTimeout(timer);
      child.process.off('message', onMessage);
      resolve(reply.usage);
    };
    child.process.on('message', onMessage);
    child.process.send({ type: 'memory' });
  });
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: Child, graceMs = 15_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}
