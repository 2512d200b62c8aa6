/** An ECS that does not answer in time: 504 with the adapter's code, nothing left half-done. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, groupIdByName, type TestStack } from '../support/test-stack';
import { getJson, REGION } from './helpers';

let stack: TestStack;
let webProd: string;
beforeAll(async () => {
  stack = await createTestStack({ ecs: { timeoutMs: 1000, maxAttempts: 2 } });
  webProd = await groupIdByName(stack.app, REGION, 'web-prod');
});
afterAll(async () => {
  stack.emulator.setLatency(0);
  await stack.close();
});

describe('upstream timeout', () => {
  it('answers 504 with the timeout code and a sentence', async () => {
    stack.emulator.setLatency(4000);
    const res = await getJson(stack.app, `/api/regions/${REGION}/security-groups/${webProd}`);
    stack.emulator.setLatency(0);
    expect(res.status).toBe(504);
    expect(res.body.code).toMatch(/Timeout/);
    expect(res.body.message).toBeTruthy();
  });
});
