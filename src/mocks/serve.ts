/**
 * `npm run emulator`: the ECS emulator alone, over HTTP on loopback.
 * EMULATOR_PORT (default 9100) and EMULATOR_SEED (demo | empty) configure it.
 */
import { createEcsEmulator } from './emulator';
import { startEmulatorHttpServer } from './http-server';

const port = Number(process.env.EMULATOR_PORT ?? 9100);
const seed = process.env.EMULATOR_SEED === 'empty' ? 'empty' : 'demo';
const emulator = createEcsEmulator({ seed });
const server = await startEmulatorHttpServer(emulator, { port });
const { host } = new URL(server.url);
console.log(`ECS emulator (seed "${seed}") listening on ${server.url}`);
console.log(
  `Point an ECS client at it: endpoint "${host}", protocol "http" (e.g. ECS_ENDPOINT=${server.url}).`,
);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
