import { EcsApiError } from '../errors';

/** A JSON-array-of-strings parameter (`InstanceIds`, `SecurityGroupIds`) of at most `max` IDs. */
export function jsonIdList(name: string, text: string, max: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length > max ||
    !parsed.every((id) => typeof id === 'string')
  ) {
    throw new EcsApiError(
      400,
      `InvalidParameter.${name}`,
      `${name} must be a JSON array of at most ${max} IDs.`,
    );
  }
  return parsed as string[];
}
