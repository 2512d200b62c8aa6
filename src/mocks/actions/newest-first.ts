/** Newest first by creation time, then by ID: the order ECS lists groups and instances in. */
export function newestFirst<T extends { id: string; creationTime: string }>(items: T[]): T[] {
  return [...items].sort((a, b) =>
    a.creationTime === b.creationTime
      ? a.id < b.id
        ? -1
        : 1
      : a.creationTime < b.creationTime
        ? 1
        : -1,
  );
}
