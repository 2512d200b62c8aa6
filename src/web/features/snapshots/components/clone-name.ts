/** YYYYMMDD of `at` in UTC, as the server dates a clone. */
function day(at: Date): string {
  return at.toISOString().slice(0, 10).replace(/-/g, '');
}

/** The clone's default name, `<name>-backup-<YYYYMMDD>`, within ECS's 128 characters. */
export function defaultCloneName(name: string, at: Date): string {
  const suffix = `-backup-${day(at)}`;
  return `${name.slice(0, 128 - suffix.length)}${suffix}`;
}

/** ECS's rule for a group name: 2–128 characters from a letter on, not a URL. */
export function isValidGroupName(name: string): boolean {
  const trimmed = name.trim();
  return (
    trimmed.length >= 2 &&
    trimmed.length <= 128 &&
    /^[\p{L}][\p{L}\p{N}._:\- ]*$/u.test(trimmed) &&
    !/^https?:\/\//i.test(trimmed)
  );
}

/** ECS's rule for a description: empty (the server's default) or 2–256 characters, not a URL. */
export function isValidDescription(description: string): boolean {
  const trimmed = description.trim();
  return (
    trimmed === '' ||
    (trimmed.length >= 2 && trimmed.length <= 256 && !/^https?:\/\//i.test(trimmed))
  );
}
