/**
 * The ECS emulator: a stateful, in-memory fake of the ECS OpenAPI actions the console uses,
 * working on the wire format (flattened 1-based query parameters in, PascalCase JSON out).
 * It never imports src/domain or src/ecs: it reimplements ECS behaviour from ECS-API.md.
 *
 * Choices where ECS-API.md leaves room (each documented where it is implemented):
 * - priorityIsIdentity (default false): ECS's documentation leaves priority out of rule identity,
 *   so by default an Authorize of an existing tuple with another priority is a silent no-op.
 * - Values are stored as sent (a CIDR `10.0.0.1/8` stays so); identity compares canonical forms.
 * - Only successful writes are remembered under their ClientToken.
 */
import { ACTIONS, WRITE_ACTIONS } from './actions';
import { CallLog, type CallRecord } from './call-log';
import type { ActionContext, ResolvedOptions } from './actions/context';
import { EcsApiError, errorBody } from './errors';
import { FaultPlan, type Fault, type FaultKind } from './faults';
import { ClientTokens } from './idempotency';
import { IdSequence } from './ids';
import { putInstance, putNetworkInterface } from './instance-builders';
import { DEFAULT_ACCOUNT_ID, DEFAULT_RESOURCE_GROUP_ID, loadSeed } from './seed';
import { groupIdFor, vpcIdFor } from './seed-builders';
import { EmulatorState } from './state';
import type { StoredRule, WirePermission } from './types';
import { isoSeconds, toWirePermission } from './wire';

export type { WirePermission } from './types';
export type { FaultKind } from './faults';
export type { CallRecord } from './call-log';

export interface EmulatorOptions {
  seed?: 'demo' | 'empty'; // default 'demo'
  ruleLimit?: number; // default 200, inbound+outbound together
  /** Rules of all the groups of one network interface, summed (a prefix-list rule counts its MaxEntries). Default 1000. */
  eniRuleLimit?: number;
  /** How many calls the call log keeps, newest last (a ring buffer). Default 1000. */
  callLogSize?: number;
  /** When true, a tuple that differs only in Priority is a different rule (not a duplicate). Default false: ECS documents identity without priority. */
  priorityIsIdentity?: boolean;
  accountId?: string; // owner account of all groups, default a fixed number string
}

export interface EmulatorRequest {
  action: string;
  params: Record<string, string>;
  host: string;
}

export interface EmulatorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** connection dropped: the msw handler answers HttpResponse.error() */
  drop?: boolean;
  /** raw non-JSON body */
  raw?: string;
}

export interface EcsEmulator {
  handle(req: EmulatorRequest): Promise<EmulatorResponse>;
  /** The newest calls (at most callLogSize), oldest first. */
  readonly calls: readonly CallRecord[];
  clearCalls(): void;
  /** Back to the seeded state; faults, latency, ClientTokens and the call log cleared. */
  reset(): void;
  /** Adds a group (wire-shaped data) and returns its ID; the default ID derives from region and name. */
  addGroup(
    regionId: string,
    g: {
      id?: string;
      name: string;
      vpcId?: string;
      type?: 'normal' | 'enterprise';
      description?: string;
      serviceManaged?: boolean;
    },
  ): string;
  /** Adds rules with keys as in Permissions.N.*, bypassing validation so tests can seed anything (e.g. Priority 110). */
  addRules(
    regionId: string,
    groupId: string,
    direction: 'ingress' | 'egress',
    permissions: Array<Record<string, string>>,
  ): void;
  /** Exactly what DescribeSecurityGroupAttribute would return, both directions (and both NIC types). */
  listRules(regionId: string, groupId: string): WirePermission[];
  deleteGroup(regionId: string, groupId: string): void;
  /** Adds an instance with a primary ENI carrying these groups (the first decides the VPC). */
  addInstance(
    regionId: string,
    i: { name: string; securityGroupIds: string[]; status?: 'Running' | 'Stopped' },
  ): { instanceId: string; networkInterfaceId: string };
  /** Adds a secondary ENI with these groups, attached to `instanceId` or unattached. */
  addNetworkInterface(
    regionId: string,
    n: { name: string; securityGroupIds: string[]; instanceId?: string },
  ): string;
  /** The next n calls (of `action`, or of any action) answer 400 Throttling.User (or `code`) with header x-acs-retry-after (ms, default 1000). */
  throttleNext(n: number, opts?: { retryAfterMs?: number; action?: string; code?: string }): void;
  /** The nth call of `action` (1-based, counted from now) fails with this error BEFORE applying anything. */
  failCall(
    action: string,
    nth: number,
    error: { code: string; status: number; message?: string },
  ): void;
  /** The nth call of `action` is applied, then answers `status` (default 500) InternalError: the client cannot tell it worked. */
  failAfterApply(action: string, nth: number, status?: number): void;
  /** The nth call of `action` loses its connection (a network error), before applying or, with afterApply, after. */
  dropConnection(action: string, nth: number, opts?: { afterApply?: boolean }): void;
  /** The nth call of `action` answers 502 with an HTML body, as a broken gateway would. */
  nonJson(action: string, nth: number): void;
  /** Every call waits `ms` before it is answered (0 turns it off). */
  setLatency(ms: number): void;
  /** Disarms every fault and sets latency back to 0. */
  clearFaults(): void;
}

const GATEWAY_HTML =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>';

class Emulator implements EcsEmulator {
  private state = new EmulatorState();
  private readonly options: ResolvedOptions;
  private readonly seed: 'demo' | 'empty';
  private readonly ids = new IdSequence('ecs-emulator');
  private readonly tokens = new ClientTokens();
  private readonly faults = new FaultPlan();
  private readonly log: CallLog;
  private seq = 0;

  constructor(options: EmulatorOptions) {
    this.seed = options.seed ?? 'demo';
    this.log = new CallLog(options.callLogSize ?? 1000);
    this.options = {
      ruleLimit: options.ruleLimit ?? 200,
      eniRuleLimit: options.eniRuleLimit ?? 1000,
      priorityIsIdentity: options.priorityIsIdentity ?? false,
      accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    };
    this.reset();
  }

  get calls(): readonly CallRecord[] {
    return this.log.toArray();
  }

  clearCalls(): void {
    this.log.clear();
  }

  reset(): void {
    this.state = new EmulatorState();
    loadSeed(this.state, this.seed);
    this.ids.reset();
    this.tokens.clear();
    this.faults.clear();
    this.log.clear();
    this.seq = 0;
  }

  async handle(req: EmulatorRequest): Promise<EmulatorResponse> {
    if (this.faults.latencyMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    const requestId = this.ids.requestId();
    const record = (status: number, extra: Partial<CallRecord> = {}): void => {
      this.log.push({
        seq: ++this.seq,
        action: req.action,
        params: { ...req.params },
        status,
        requestId,
        applied: false,
        ...extra,
      });
    };
    const fail = (
      error: { status: number; code: string; message: string },
      fault?: FaultKind,
      headers?: Record<string, string>,
    ): EmulatorResponse => {
      record(error.status, { code: error.code, ...(fault ? { fault } : {}) });
      return {
        status: error.status,
        body: errorBody(error, requestId, req.host),
        ...(headers ? { headers } : {}),
      };
    };

    const { before, after } = this.faults.next(req.action);
    if (before) {
      const answer = this.beforeFault(before, requestId, req, record);
      if (answer) return answer;
    }

    const action = ACTIONS[req.action];
    if (!action) {
      return fail({
        status: 404,
        code: 'InvalidAction.NotFound',
        message: 'Specified api is not found, please check your url and method.',
      });
    }
    const ctx: ActionContext = {
      action: req.action,
      state: this.state,
      options: this.options,
      ids: this.ids,
      tokens: this.tokens,
      requestId,
      now: Date.now,
    };
    let body: Record<string, unknown>;
    try {
      body = action(ctx, req.params);
    } catch (error) {
      if (error instanceof EcsApiError) return fail(error);
      return fail({
        status: 500,
        code: 'InternalError',
        message: `The request processing has failed due to some unknown error. (${String(error)})`,
      });
    }
    // A ClientToken replay answers the first RequestId and changes nothing.
    const applied = WRITE_ACTIONS.has(req.action) && body.RequestId === requestId;
    if (after?.kind === 'dropAfterApply') {
      record(0, { applied, fault: after.kind });
      return { status: 0, body: null, drop: true };
    }
    if (after?.kind === 'failAfterApply') {
      const error = {
        status: after.status ?? 500,
        code: 'InternalError',
        message:
          'The request processing has failed due to some unknown error, exception or failure.',
      };
      record(error.status, { code: error.code, applied, fault: after.kind });
      return { status: error.status, body: errorBody(error, requestId, req.host) };
    }
    record(200, { applied, requestId: String(body.RequestId) });
    return { status: 200, body };
  }

  private beforeFault(
    fault: Fault,
    requestId: string,
    req: EmulatorRequest,
    record: (status: number, extra?: Partial<CallRecord>) => void,
  ): EmulatorResponse | undefined {
    switch (fault.kind) {
      case 'throttle': {
        const error = {
          status: 400,
          code: fault.code ?? 'Throttling.User',
          message: 'Request was denied due to user flow control.',
        };
        record(error.status, { code: error.code, fault: fault.kind });
        return {
          status: error.status,
          body: errorBody(error, requestId, req.host),
          headers: { 'x-acs-retry-after': String(fault.retryAfterMs ?? 1000) },
        };
      }
      case 'failCall': {
        const error = {
          status: fault.status ?? 500,
          code: fault.code ?? 'InternalError',
          message: fault.message ?? `Injected failure: ${fault.code ?? 'InternalError'}.`,
        };
        record(error.status, { code: error.code, fault: fault.kind });
        return { status: error.status, body: errorBody(error, requestId, req.host) };
      }
      case 'nonJson':
        record(502, { fault: fault.kind });
        return {
          status: 502,
          body: null,
          raw: GATEWAY_HTML,
          headers: { 'content-type': 'text/html' },
        };
      case 'drop':
        record(0, { fault: fault.kind });
        return { status: 0, body: null, drop: true };
      default:
        return undefined;
    }
  }

  addGroup(
    regionId: string,
    g: {
      id?: string;
      name: string;
      vpcId?: string;
      type?: 'normal' | 'enterprise';
      description?: string;
      serviceManaged?: boolean;
    },
  ): string {
    const region = this.state.region(regionId);
    const id = g.id ?? groupIdFor(region, g.name);
    this.state.putGroup({
      id,
      regionId,
      name: g.name,
      description: g.description ?? '',
      vpcId: g.vpcId ?? vpcIdFor(region, 'prod'),
      type: g.type ?? 'normal',
      creationTime: isoSeconds(Date.now()),
      serviceManaged: g.serviceManaged ?? false,
      resourceGroupId: DEFAULT_RESOURCE_GROUP_ID,
      innerAccessPolicy: 'Accept',
      tags: [],
      rules: [],
    });
    return id;
  }

  addRules(
    regionId: string,
    groupId: string,
    direction: 'ingress' | 'egress',
    permissions: Array<Record<string, string>>,
  ): void {
    const group = this.state.group(regionId, groupId);
    const prefix = this.state.region(regionId).idPrefix;
    for (const p of permissions)
      group.rules.push(rawRule(p, direction, group.vpcId !== '', this.ids.ruleId(prefix)));
  }

  listRules(regionId: string, groupId: string): WirePermission[] {
    const group = this.state.group(regionId, groupId);
    const ordered = [
      ...group.rules.filter((r) => r.direction === 'ingress'),
      ...group.rules.filter((r) => r.direction === 'egress'),
    ];
    return ordered.map((rule) => toWirePermission(this.state, group, rule));
  }

  deleteGroup(regionId: string, groupId: string): void {
    this.state.removeGroup(regionId, groupId);
  }

  addInstance(
    regionId: string,
    i: { name: string; securityGroupIds: string[]; status?: 'Running' | 'Stopped' },
  ): { instanceId: string; networkInterfaceId: string } {
    for (const id of i.securityGroupIds) this.state.group(regionId, id);
    const instance = putInstance(this.state, this.state.region(regionId), {
      ...i,
      created: isoSeconds(Date.now()),
    });
    return { instanceId: instance.id, networkInterfaceId: instance.primaryNetworkInterfaceId };
  }

  addNetworkInterface(
    regionId: string,
    n: { name: string; securityGroupIds: string[]; instanceId?: string },
  ): string {
    for (const id of n.securityGroupIds) this.state.group(regionId, id);
    return putNetworkInterface(this.state, this.state.region(regionId), {
      ...n,
      created: isoSeconds(Date.now()),
    }).id;
  }

  throttleNext(
    n: number,
    opts: { retryAfterMs?: number; action?: string; code?: string } = {},
  ): void {
    this.faults.add({ kind: 'throttle', skip: 0, times: n, ...opts });
  }

  failCall(
    action: string,
    nth: number,
    error: { code: string; status: number; message?: string },
  ): void {
    this.faults.add({ kind: 'failCall', action, skip: nth - 1, times: 1, ...error });
  }

  failAfterApply(action: string, nth: number, status = 500): void {
    this.faults.add({ kind: 'failAfterApply', action, skip: nth - 1, times: 1, status });
  }

  dropConnection(action: string, nth: number, opts: { afterApply?: boolean } = {}): void {
    this.faults.add({
      kind: opts.afterApply ? 'dropAfterApply' : 'drop',
      action,
      skip: nth - 1,
      times: 1,
    });
  }

  nonJson(action: string, nth: number): void {
    this.faults.add({ kind: 'nonJson', action, skip: nth - 1, times: 1 });
  }

  setLatency(ms: number): void {
    this.faults.latencyMs = ms;
  }

  clearFaults(): void {
    this.faults.clear();
  }
}

/** A rule from Permissions.N-style keys, unvalidated: only defaults and the case ECS returns. */
function rawRule(
  p: Record<string, string>,
  direction: 'ingress' | 'egress',
  isVpc: boolean,
  id: string,
): StoredRule {
  const ingress = direction === 'ingress';
  const get = (key: string) => p[key] ?? '';
  const protocol = get('IpProtocol');
  const upper = protocol.toUpperCase() === 'ICMPV6' ? 'ICMPv6' : protocol.toUpperCase();
  const groupId = get(ingress ? 'SourceGroupId' : 'DestGroupId');
  return {
    id,
    direction,
    ipProtocol: upper || 'ALL',
    portRange: get('PortRange') || '-1/-1',
    sourcePortRange: get('SourcePortRange'),
    policy: get('Policy').toLowerCase() === 'drop' ? 'Drop' : 'Accept',
    priority: get('Priority') || '1',
    nicType: get('NicType') || (isVpc || groupId ? 'intranet' : 'internet'),
    cidr: get(ingress ? 'SourceCidrIp' : 'DestCidrIp'),
    ipv6Cidr: get(ingress ? 'Ipv6SourceCidrIp' : 'Ipv6DestCidrIp'),
    groupId,
    groupOwnerAccount: get(ingress ? 'SourceGroupOwnerAccount' : 'DestGroupOwnerAccount'),
    prefixListId: get(ingress ? 'SourcePrefixListId' : 'DestPrefixListId'),
    localCidr: get(ingress ? 'DestCidrIp' : 'SourceCidrIp'),
    ipv6LocalCidr: get(ingress ? 'Ipv6DestCidrIp' : 'Ipv6SourceCidrIp'),
    portRangeListId: get('PortRangeListId'),
    description: get('Description'),
    createTime: get('CreateTime') || isoSeconds(Date.now()),
  };
}

/** A new emulator, seeded ('demo' unless told otherwise). */
export function createEcsEmulator(options: EmulatorOptions = {}): EcsEmulator {
  return new Emulator(options);
}
