/**
 * One restore per source group at a time, within this process. Across restarts the journal
 * is the other half of the check (a pending/running row).
 */
export class SourceLocks {
  private readonly held = new Map<string, string>();

  private key(regionId: string, sourceId: string): string {
    return `${regionId}/${sourceId}`;
  }

  /** Takes the lock for `holder`; returns the current holder instead when it is taken. */
  acquire(
    regionId: string,
    sourceId: string,
    holder: string,
  ): { ok: true } | { ok: false; holder: string } {
    const key = this.key(regionId, sourceId);
    const current = this.held.get(key);
    if (current !== undefined) return { ok: false, holder: current };
    this.held.set(key, holder);
    return { ok: true };
  }

  release(regionId: string, sourceId: string, holder: string): void {
    const key = this.key(regionId, sourceId);
    if (this.held.get(key) === holder) this.held.delete(key);
  }
}
