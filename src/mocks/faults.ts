/** Fault injection: named situations a test arms before a call, consumed as calls arrive. */

export type FaultKind =
  'throttle' | 'failCall' | 'nonJson' | 'drop' | 'failAfterApply' | 'dropAfterApply';

export interface Fault {
  kind: FaultKind;
  /** Only calls of this action count; undefined = every action. */
  action?: string;
  /** Matching calls still to let through before this fault fires. */
  skip: number;
  /** How many calls it fires on (throttle n), then it is gone. */
  times: number;
  status?: number;
  code?: string;
  message?: string;
  retryAfterMs?: number;
}

const AFTER_APPLY = new Set<FaultKind>(['failAfterApply', 'dropAfterApply']);

export class FaultPlan {
  latencyMs = 0;
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
    this.latencyMs = 0;
  }

  /**
   * Counts this call against every armed fault of its action and returns at most one fault that
   * acts before the action runs and one that acts after it has been applied. A fault whose turn
   * comes while another one fires stays armed for the next call.
   */
  next(action: string): { before?: Fault; after?: Fault } {
    const due: Fault[] = [];
    for (const fault of this.faults) {
      if (fault.action !== undefined && fault.action !== action) continue;
      if (fault.skip > 0) fault.skip--;
      else due.push(fault);
    }
    const before = due.find((f) => !AFTER_APPLY.has(f.kind));
    const after = before ? undefined : due.find((f) => AFTER_APPLY.has(f.kind));
    for (const fired of [before, after]) {
      if (!fired) continue;
      fired.times--;
      if (fired.times <= 0) this.faults = this.faults.filter((f) => f !== fired);
    }
    return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
  }
}
