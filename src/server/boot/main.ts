/**
 * Entry point of the production server (`npm run serve`, and `npm start` after building the SPA).
 */
import path from 'node:path';
import { ConfigError } from '../config';
import { startServer } from './server';

try {
  const running = await startServer({ distDir: path.resolve('dist') });
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  // A bad setting: one clear line naming the variable, no stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
