/**
 * Prints the gzip size of every built JS/CSS chunk, by chunk name (vite.config.ts names them for
 * what they hold) and file, and the total of the first route: the entry
 * script of dist/index.html plus everything it imports statically (lazy chunks excluded).
 * Run `npm run build` first (`npm test` runs it after Playwright, whose web server builds dist).
 * Exits 1 when the first route exceeds the budget, 2 when dist is missing or older than the sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The first screen's JS and CSS: react, the antd parts it shows at rest (Select, Input and
// Typography load later or are drawn plain, src/web/components/deferred-*.tsx), our code, and
// the 16 KB stylesheet of its antd styles (scripts/first-screen-styles.tsx).
const BUDGET_KB = 250;
const dist = process.argv[2] ?? 'dist';
const assets = join(dist, 'assets');
if (!existsSync(assets)) {
  console.error(`No ${assets}: run \`npm run build\` first.`);
  process.exit(2);
}

// `npm test` runs this after Playwright, whose web server has just built dist; run alone after an
// edit, an old build would be measured: refuse it rather than pass on stale numbers.
const BUILD_INPUTS = [
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'src/web',
  'src/domain',
  'scripts/first-screen-styles.tsx',
  'scripts/vite-first-screen-css.ts',
  'scripts/vite-precompress.ts',
];
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    0,
  );
}
const builtAt = statSync(join(dist, 'index.html')).mtimeMs;
const changedAt = Math.max(...BUILD_INPUTS.map(newestChange));
if (dist === 'dist' && changedAt > builtAt) {
  console.error('dist is older than the sources: run `npm run build` first.');
  process.exit(2);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const gzipOf = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;

const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
const sizes = new Map(files.map((f) => [f, gzipOf(f)]));

// Static imports only: `import ... from "./x.js"` and `import "./x.js"`, never `import("./x.js")`.
const staticImport = /(?:^|[;\s}])import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g;
function staticClosure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(assets, entry), 'utf8');
  for (const match of code.matchAll(staticImport)) staticClosure(match[1] as string, seen);
  return seen;
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g)].map(
  (m) => m[1] as string,
);
const css = [...html.matchAll(/<link[^>]+href="\/assets\/([^"]+\.css)"/g)].map(
  (m) => m[1] as string,
);
const firstRoute = new Set<string>(css);
for (const entry of entries) for (const file of staticClosure(entry)) firstRoute.add(file);

/** "shared~history~restore-modal-CDCFNFf7.js" is the chunk "shared~history~restore-modal". */
const chunkName = (file: string) => file.replace(/-[\w-]{8}\.(?:js|css)$/, '');
const rows = [...sizes].sort((a, b) => b[1] - a[1]);
const nameWidth = Math.max(...rows.map(([file]) => chunkName(file).length), 'Chunk'.length);
console.log(`${'gzip'.padStart(11)}  ${'Chunk'.padEnd(nameWidth)}  File`);
for (const [file, size] of rows) {
  const first = firstRoute.has(file) ? '  [first route]' : '';
  console.log(`${kb(size).padStart(11)}  ${chunkName(file).padEnd(nameWidth)}  ${file}${first}`);
}
const total = [...firstRoute].reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
console.log(`\nFirst route JS+CSS (gzip): ${kb(total)} (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) process.exitCode = 1;
