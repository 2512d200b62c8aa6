/**
 * `npm start`: builds the SPA when dist/ is missing or older than its sources, then starts the
 * production server (src/server/boot/main.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'index.html');
const sources = ['src/web', 'index.html', 'public', 'vite.config.ts'].map((p) =>
  path.join(root, p),
);

/** Newest modification time under `entry` (a file or a directory tree). */
function newest(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry))
    latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
}

function buildIsStale(): boolean {
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return sources.some((source) => newest(source) > builtAt);
}

if (buildIsStale()) {
  console.log('Building the web app (dist/ is missing or older than its sources)...');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.chdir(root);
await import('../src/server/boot/main');
