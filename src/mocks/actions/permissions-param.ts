import { fail } from '../errors';
import { indexedObjects } from '../params';
import type { Params } from '../types';
import { PERMISSION_KEYS } from '../validation';

/**
 * The permissions of a write: `Permissions.N.*`, or the deprecated flat parameters as one
 * permission. Mixing the two styles is `InvalidParam.Permissions`.
 */
export function permissionsOf(params: Params): Array<Record<string, string>> {
  const listed = indexedObjects(params, 'Permissions');
  const flat: Record<string, string> = {};
  for (const key of PERMISSION_KEYS) {
    const value = params[key];
    if (value !== undefined && value !== '') flat[key] = value;
  }
  const hasFlat = Object.keys(flat).length > 0;
  if (listed.length > 0 && hasFlat) {
    throw fail.invalid(
      'InvalidParam.Permissions',
      'The Permissions parameter cannot be used together with the deprecated flat rule parameters.',
    );
  }
  return hasFlat ? [flat] : listed;
}
