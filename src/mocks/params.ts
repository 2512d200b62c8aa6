import { EcsApiError, fail } from './errors';
import type { Params } from './types';

/** Upper bound of N in `Permissions.N.*` and `SecurityGroupRuleId.N`. */
export const MAX_LIST_ITEMS = 100;

function indexOf(name: string, key: string): number {
  const n = Number(key);
  if (!/^\d+$/.test(key) || n < 1) {
    throw new EcsApiError(
      400,
      'InvalidParameter',
      `The specified parameter "${name}.${key}" is not valid.`,
    );
  }
  if (n > MAX_LIST_ITEMS) {
    throw new EcsApiError(
      400,
      `InvalidParam.${name}`,
      `The number of ${name} exceeds the limit of ${MAX_LIST_ITEMS}.`,
    );
  }
  return n;
}

/** `Permissions.N.Field=value` → the objects in N order (1-based, as the SDK flattens them). */
export function indexedObjects(params: Params, name: string): Array<Record<string, string>> {
  const byIndex = new Map<number, Record<string, string>>();
  const prefix = `${name}.`;
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const dot = rest.indexOf('.');
    if (dot < 0) continue;
    const n = indexOf(name, rest.slice(0, dot));
    const entry = byIndex.get(n) ?? {};
    entry[rest.slice(dot + 1)] = value;
    byIndex.set(n, entry);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}

/** `SecurityGroupRuleId.N=value` → the values in N order. */
export function indexedValues(params: Params, name: string): string[] {
  const byIndex = new Map<number, string>();
  const prefix = `${name}.`;
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(prefix)) continue;
    byIndex.set(indexOf(name, key.slice(prefix.length)), value);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
}

export function required(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw fail.missing(name);
  return value;
}

/** An optional integer parameter within [min, max]; the ECS error names the parameter otherwise. */
export function optionalInt(
  params: Params,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new EcsApiError(
      400,
      `InvalidParameter.${name}`,
      `The specified parameter "${name}" is not valid: it must be an integer from ${min} to ${max}.`,
    );
  }
  return n;
}
