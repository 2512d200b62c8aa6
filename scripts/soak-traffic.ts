/**
 * The soak's traffic: what a team does all day against one console, on the demo seed's
 * `web-prod` and its backup. Mostly previews, group lists, rules pages and the history, from a
 * few clients at once; every few hundred requests a real restore and its undo, each waited for.
 */
const REGION = 'cn-hangzhou';
const SOURCE = 'web-prod';
const DESTINATION = 'web-prod-backup-20261120';
/** How long a restore or undo may take before the soak counts it as stuck. */
const RESTORE_WAIT_MS = 60_000;

export interface TrafficCounts {
  requests: number;
  failures: number;
  restores: number;
  /** The first few failures, for the report. */
  samples: string[];
}

export interface Soaker {
  /** Sends `count` requests, `concurrency` at a time; stops early at `deadline` (epoch ms). */
  run(count: number, concurrency: number, deadline: number): Promise<TrafficCounts>;
}

interface GroupList {
  groups: { id: string; name: string }[];
}

/** Sets up the traffic against a started server: finds the two demo groups. */
export async function createSoaker(baseUrl: string, restoreEvery: number): Promise<Soaker> {
  const json = { 'content-type': 'application/json', origin: baseUrl };
  const counts: TrafficCounts = { requests: 0, failures: 0, restores: 0, samples: [] };

  async function send(method: 'GET' | 'POST', pathname: string, body?: unknown): Promise<unknown> {
    counts.requests++;
    const response = await fetch(`${baseUrl}${pathname}`, {
      method,
      ...(body === undefined ? {} : { headers: json, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      counts.failures++;
      if (counts.samples.length < 5) {
        counts.samples.push(`${method} ${pathname} → ${response.status} ${text.slice(0, 200)}`);
      }
      return undefined;
    }
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  const groupsPath = `/api/regions/${REGION}/security-groups`;
  const list = (await send('GET', `${groupsPath}?search=web-prod`)) as GroupList | undefined;
  const idOf = (name: string) => {
    const id = list?.groups.find((group) => group.name === name)?.id;
    if (!id) throw new Error(`the server lists no group ${name} in ${REGION}`);
    return id;
  };
  const source = idOf(SOURCE);
  const destination = idOf(DESTINATION);
  const previewPath = `${groupsPath}/${source}/restore-preview`;
  // The set-up read is not part of the soak's figures.
  counts.requests = 0;
  let nextRestoreAt = restoreEvery;

  async function settle(restoreId: string): Promise<void> {
    const until = Date.now() + RESTORE_WAIT_MS;
    while (Date.now() < until) {
      const detail = (await send('GET', `/api/restores/${restoreId}`)) as
        { status?: string } | undefined;
      if (detail?.status !== 'pending' && detail?.status !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`restore ${restoreId} did not finish within ${RESTORE_WAIT_MS} ms`);
  }

  /** A restore from a fresh preview, then its undo from the undo preview, both to the end. */
  async function restoreAndUndo(): Promise<void> {
    const preview = (await send('POST', previewPath, {
      destinationId: destination,
      mode: 'completely',
    })) as { revision?: string } | undefined;
    if (!preview?.revision) return;
    const started = (await send('POST', `${groupsPath}/${source}/restores`, {
      destinationId: destination,
      mode: 'completely',
      revision: preview.revision,
    })) as { restoreId?: string } | undefined;
    if (!started?.restoreId) return;
    await settle(started.restoreId);
    const undoPreview = (await send('GET', `/api/restores/${started.restoreId}/undo-preview`)) as
      { revision?: string } | undefined;
    if (!undoPreview?.revision) return;
    const undo = (await send('POST', `/api/restores/${started.restoreId}/undo`, {
      revision: undoPreview.revision,
    })) as { restoreId?: string } | undefined;
    if (!undo?.restoreId) return;
    await settle(undo.restoreId);
    counts.restores++;
  }

  /** One request of the everyday mix, chosen by its number. */
  async function everyday(n: number): Promise<void> {
    switch (n % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
        await send('POST', previewPath, {
          destinationId: destination,
          mode: n % 20 < 10 ? 'partially' : 'completely',
        });
        return;
      case 4:
      case 5:
        await send('GET', groupsPath);
        return;
      case 6:
        await send('GET', `${groupsPath}?search=${n % 2 === 0 ? 'prod' : 'backup'}`);
        return;
      case 7:
      case 8:
        await send('GET', `${groupsPath}/${n % 4 < 2 ? source : destination}`);
        return;
      default:
        await send('GET', '/api/restores?limit=20');
    }
  }

  return {
    async run(count, concurrency, deadline) {
      const target = counts.requests + count;
      let restoring: Promise<void> | undefined;
      let n = 0;
      const worker = async () => {
        while (counts.requests < target && Date.now() < deadline) {
          if (restoreEvery > 0 && counts.requests >= nextRestoreAt && !restoring) {
            nextRestoreAt += restoreEvery;
            restoring = restoreAndUndo().finally(() => {
              restoring = undefined;
            });
            await restoring;
            continue;
          }
          await everyday(n++);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return { ...counts, samples: [...counts.samples] };
    },
  };
}
