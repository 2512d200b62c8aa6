/**
 * Imports a rules file as a snapshot of kind `import` (note = the file name), so an imported
 * file becomes a restore destination by its snapshot ID: one path, with the same preview,
 * checks, plan, journal and undo as any snapshot. Limits (the rule quota) are the pre-flight
 * checks' business, not the reader's: a file of 201 rules imports, and its preview refuses it.
 */
import type { GroupInfo } from '../../domain/types';
import type { EcsPort } from '../../ecs/ecs-port';
import { MAX_IMPORT_ERRORS, type ImportError, type ImportRequest } from '../contract';
import { ApiHttpError } from '../errors';
import { groupInfoOf, loadGroup } from '../group-reads';
import type { SnapshotRecord, SnapshotStore } from '../journal/snapshot-store';
import { parseCsvImport } from './import-csv';
import { parseJsonImport, type ImportedGroup } from './import-json';
import { problemMessage, type ImportProblem } from './import-permission';

export interface ImportDeps {
  ecs: EcsPort;
  snapshots: Pick<SnapshotStore, 'add'>;
  actor: string;
  now: () => Date;
}

function errorView(p: ImportProblem): ImportError {
  return {
    ...(p.place !== null && 'line' in p.place ? { line: p.place.line } : {}),
    ...(p.place !== null && 'pointer' in p.place ? { pointer: p.place.pointer } : {}),
    ...(p.field === undefined ? {} : { field: p.field }),
    message: problemMessage(p),
  };
}

/** 400 ImportInvalid listing the first problems (capped) with their places and fields. */
function invalid(fileName: string, problems: ImportProblem[]): ApiHttpError {
  const listed = problems.slice(0, MAX_IMPORT_ERRORS);
  const count = problems.length;
  return new ApiHttpError(
    400,
    'ImportInvalid',
    `${fileName} cannot be imported: ${count} ${count === 1 ? 'problem' : 'problems'}, the first: ${problemMessage(problems[0]!)}`,
    { errors: listed.map(errorView), truncated: count > listed.length },
  );
}

/** The group the file's rules are of: what the file says, the source's network for the rest. */
function importedGroupInfo(file: ImportedGroup, source: GroupInfo): GroupInfo {
  return {
    id: file.id ?? source.id,
    name: file.name ?? file.id ?? source.name,
    regionId: source.regionId,
    vpcId: file.vpcId ?? source.vpcId,
    type: file.type ?? source.type,
  };
}

/** Parses, validates and stores `request` as an `import` snapshot in `regionId`. */
export async function importFile(
  deps: ImportDeps,
  regionId: string,
  request: ImportRequest,
): Promise<SnapshotRecord> {
  const { fileName, content } = request;
  const lower = fileName.toLowerCase();
  const csv = lower.endsWith('.csv');
  if (!csv && !lower.endsWith('.json')) {
    throw new ApiHttpError(
      400,
      'ImportFormatUnsupported',
      `${fileName} cannot be imported: only JSON (.json) and CSV (.csv) rule files, as exported by this console or the ECS console, are read.`,
      { field: 'fileName' },
    );
  }
  const source = groupInfoOf(
    (await loadGroup(deps.ecs, regionId, request.sourceId, 'source')).group,
  );
  const vpcOf = (g: ImportedGroup) => importedGroupInfo(g, source).vpcId !== '';
  const parsed = csv ? parseCsvImport(fileName, content, vpcOf) : parseJsonImport(content, vpcOf);
  const problems = [...parsed.problems];
  const fileRegion = parsed.group.regionId;
  if (fileRegion !== undefined && fileRegion !== regionId) {
    const problem = `'${fileRegion}' is another region than ${regionId}: its group references would not mean the same groups`;
    // A CSV says its region only in its name; a JSON file in its RegionId.
    problems.unshift(
      csv
        ? { place: null, field: 'fileName', problem }
        : { place: { pointer: '/RegionId' }, field: 'RegionId', problem },
    );
  }
  if (problems.length > 0) throw invalid(fileName, problems);
  return deps.snapshots.add({
    group: importedGroupInfo(parsed.group, source),
    kind: 'import',
    note: fileName,
    rules: parsed.rules,
    createdAt: deps.now().toISOString(),
    createdBy: deps.actor,
  });
}
