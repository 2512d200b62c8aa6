/**
 * Entry point of the production server (`npm run serve`, and `npm start` after building the SPA).
 */
import path from 'node:path';
import { ConfigError } from '../config';
import { StartupRefusal } from '../errors';
import { startServer } from './server';

try {
  const running = await startServer({ distDir: path.resolve('dist') });
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  // A bad setting or an unusable DATA_DIR: one clear line naming the setting, no stack.
  const known = error instanceof ConfigError || error instanceof StartupRefusal;
  console.error(known ? error.message : error);
  process.exit(1);
}
