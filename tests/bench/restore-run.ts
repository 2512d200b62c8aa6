/**
 * Restore-run figures for `npm run bench`: ECS calls and elapsed time of Completely restores of
 * 20, 200 and 1,000 rules through the real proxy, SDK and runner, against the emulator with a
 * fixed 50 ms latency per call, beside the naive one-call-per-rule count. A report, not a test.
 *
 * Each case replaces every rule: the source holds N rules, the destination N other rules, so the
 * plan adds N and removes N (the worst case for call count).
 */
import { createTestStack, jsonInit, waitForRestore } from '../support/test-stack';

const REGION = 'cn-hangzhou';
const VPC = 'vpc-benchrestore01';
const LATENCY_MS = 50;
const SIZES = [20, 200, 1000];
const RUNS = 3;
const WRITE_ACTIONS = /^(Authorize|Revoke|Modify)/;

/** N distinct ingress rules; `offset` keeps source and destination rules apart. */
function permissions(n: number, offset: number): Record<string, string>[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    return {
      IpProtocol: 'TCP',
      PortRange: `${1000 + (k % 50000)}/${1000 + (k % 50000)}`,
      SourceCidrIp: `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}/32`,
      Policy: 'Accept',
      Priority: '1',
      Description: `bench rule ${k}`,
    };
  });
}

interface Figure {
  rules: number;
  writes: number;
  reads: number;
  naive: number;
  medianMs: number;
}

async function measure(size: number): Promise<Figure> {
  // Source N + N additions must fit, so the plan keeps make-before-break.
  const ruleLimit = 2 * size + 10;
  const stack = await createTestStack({ seed: 'empty', config: { ruleLimit, batchSize: 100 } });
  try {
    const { app, emulator } = stack;
    const times: number[] = [];
    let writes = 0;
    let reads = 0;
    for (let run = 0; run < RUNS; run++) {
      emulator.reset();
      const source = emulator.addGroup(REGION, { name: `bench-source-${run}`, vpcId: VPC });
      const destination = emulator.addGroup(REGION, {
        name: `bench-destination-${run}`,
        vpcId: VPC,
      });
      emulator.addRules(REGION, source, 'ingress', permissions(size, 0));
      emulator.addRules(REGION, destination, 'ingress', permissions(size, size));
      const body = { destinationId: destination, mode: 'completely' };
      const previewRes = await app.request(
        `/api/regions/${REGION}/security-groups/${source}/restore-preview`,
        jsonInit('POST', body),
      );
      if (previewRes.status !== 200)
        throw new Error(`preview: ${previewRes.status} ${await previewRes.text()}`);
      const preview = (await previewRes.json()) as { revision: string };

      emulator.setLatency(LATENCY_MS);
      emulator.clearCalls();
      const started = performance.now();
      const startRes = await app.request(
        `/api/regions/${REGION}/security-groups/${source}/restores`,
        jsonInit('POST', { ...body, revision: preview.revision }),
      );
      if (startRes.status !== 202)
        throw new Error(`restore: ${startRes.status} ${await startRes.text()}`);
      const { restoreId } = (await startRes.json()) as { restoreId: string };
      const detail = await waitForRestore(app, restoreId, { timeoutMs: 300_000 });
      times.push(performance.now() - started);
      emulator.setLatency(0);
      if (detail.status !== 'succeeded') throw new Error(`restore ended ${detail.status}`);
      writes = emulator.calls.filter((c) => WRITE_ACTIONS.test(c.action)).length;
      reads = emulator.calls.length - writes;
    }
    times.sort((a, b) => a - b);
    return {
      rules: size,
      writes,
      reads,
      naive: 2 * size,
      medianMs: times[Math.floor(RUNS / 2)] ?? NaN,
    };
  } finally {
    await stack.close();
  }
}

const figures: Figure[] = [];
for (const size of SIZES) figures.push(await measure(size));

console.log(
  `\nCompletely restore, every rule replaced, ${LATENCY_MS} ms latency per ECS call, median of ${RUNS}`,
);
console.log('rules  write calls  naive (1/rule)  read calls  elapsed');
for (const f of figures) {
  console.log(
    `${String(f.rules).padStart(5)}  ${String(f.writes).padStart(11)}  ${String(f.naive).padStart(14)}  ${String(f.reads).padStart(10)}  ${Math.round(f.medianMs)} ms`,
  );
}
