/**
 * Loaded into the soaked server with `--import` (next to `--expose-gc`): on the parent's
 * `{ type: 'memory' }` message it collects garbage and answers `process.memoryUsage()`, so the
 * soak reads the server's own heap, not the parent's.
 */
interface GcGlobal {
  gc?: () => void;
}

process.on('message', (message: unknown) => {
  if ((message as { type?: unknown } | null)?.type !== 'memory') return;
  // Twice: the first pass can leave objects whose finalizers free more on the second.
  (globalThis as GcGlobal).gc?.();
  (globalThis as GcGlobal).gc?.();
  process.send?.({ type: 'memory', usage: process.memoryUsage() });
});
// The IPC channel must not keep the server alive on its own once it is told to stop.
process.channel?.unref();
