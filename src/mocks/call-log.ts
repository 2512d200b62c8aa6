import type { FaultKind } from './faults';

export interface CallRecord {
  /** 1, 2, 3… since the last reset (clearCalls empties the log but keeps counting). */
  seq: number;
  action: string;
  params: Record<string, string>;
  /** HTTP status answered; 0 when the connection was dropped. */
  status: number;
  code?: string;
  requestId: string;
  /** Whether the call changed state (a write that was applied, not a replay or a failure). */
  applied: boolean;
  /** The injected fault that shaped this answer, if any. */
  fault?: FaultKind;
}

/**
 * The emulator's call log, a ring buffer of the newest `size` calls: the demo server runs on
 * the emulator for weeks, and an unbounded log was a steady memory leak.
 */
export class CallLog {
  private readonly slots: Array<CallRecord | undefined>;
  /** Index of the oldest record. */
  private start = 0;
  private count = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`callLogSize must be a positive integer, got ${size}`);
    this.slots = new Array<CallRecord | undefined>(size);
  }

  push(record: CallRecord): void {
    if (this.count < this.size) {
      this.slots[(this.start + this.count) % this.size] = record;
      this.count++;
      return;
    }
    this.slots[this.start] = record;
    this.start = (this.start + 1) % this.size;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.start = 0;
    this.count = 0;
  }

  /** The kept records, oldest first. */
  toArray(): CallRecord[] {
    const out: CallRecord[] = [];
    for (let i = 0; i < this.count; i++) {
      const record = this.slots[(this.start + i) % this.size];
      if (record) out.push(record);
    }
    return out;
  }
}
