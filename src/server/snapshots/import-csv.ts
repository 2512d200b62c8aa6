/**
 * Reads a CSV rules file (`ecs_sgRule_<group>_<region>_<time>.csv`): a header of ECS Permission
 * field names, then one rule per record. The CSV syntax is csv-parse's; this file maps its
 * records to Permissions, checks the header, and names the line of every problem as an editor
 * shows it, so one upload lists all of them.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { ruleIdentity } from '../../domain/normalize';
import type { Rule } from '../../domain/types';
import { wirePermissionSchema } from '../../ecs/wire';
import type { ImportedGroup, ParsedImport } from './import-json';
import { importPermission, type ImportProblem } from './import-permission';

/** The columns a CSV may have: every field of an ECS Permission (meta columns are ignored). */
const KNOWN_COLUMNS: ReadonlySet<string> = new Set(Object.keys(wirePermissionSchema.shape));

/** Without these a record cannot be a rule at all. */
const REQUIRED_COLUMNS = ['Direction', 'IpProtocol'] as const;

/** Our export's and the ECS console's file name: the group and the region it was exported from. */
const FILE_NAME = /^ecs_sgRule_(sg-[a-z0-9]+)_([a-z0-9-]+)_\d{8,14}\.csv$/i;

interface ParsedRecord {
  record: string[];
  /** Byte offset just after the record (its delimiter included), BOM counted. */
  end: number;
}

/**
 * Maps a byte offset to its 1-based line. csv-parse 7.0.3 counts a CRLF inside a quoted field as
 * two lines, so its `lines` drift from what an editor shows after a multi-line description; line
 * breaks (CRLF, LF or CR) are counted in the bytes instead.
 */
function lineFinder(bytes: Buffer): (offset: number) => number {
  const breakEnds: number[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === 0x0d && bytes[i + 1] === 0x0a) {
      breakEnds.push(i + 2);
      i += 1;
    } else if (byte === 0x0d || byte === 0x0a) breakEnds.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = breakEnds.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breakEnds[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

/** csv-parse's refusal as a sentence for the user, for the quoting mistakes people make. */
function syntaxSentence(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starts in this record and its closing quote is missing';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside a field that is not quoted (quote the whole field and double the quotes inside it)';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted field is followed by more text before the next comma (double the quotes inside it)';
    default:
      return `is not valid CSV (${error.message})`;
  }
}

const isBlank = (record: string[]): boolean => record.every((value) => value.trim() === '');

/** The header's problems: unnamed, unknown, repeated and missing columns. */
function headerProblems(header: string[], line: number): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const column = index + 1;
    if (name === '') {
      problems.push({ place: { line }, problem: `column ${column} has no name` });
    } else if (!KNOWN_COLUMNS.has(name)) {
      problems.push({
        place: { line },
        field: name,
        problem: `is not an ECS Permission field (column ${column}; expected names such as Direction, Policy, Priority, IpProtocol, PortRange, SourceCidrIp, Description)`,
      });
    } else if (seen.has(name)) {
      problems.push({
        place: { line },
        field: name,
        problem: `is both column ${seen.get(name)!} and column ${column}`,
      });
    } else seen.set(name, column);
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!seen.has(name))
      problems.push({ place: { line }, field: name, problem: 'is missing from the header' });
  }
  return problems;
}

/** The group and region the file name says the rules were exported from, if it is ours. */
function groupOfFileName(fileName: string): ImportedGroup {
  const match = FILE_NAME.exec(fileName);
  if (match === null) return {};
  return { id: match[1]!.toLowerCase(), regionId: match[2]!.toLowerCase() };
}

/**
 * Parses the CSV `content` of `fileName`; `vpcOf` tells, from what the file says of its group,
 * whether its rules are a VPC group's. Problems are listed, not thrown.
 */
export function parseCsvImport(
  fileName: string,
  content: string,
  vpcOf: (group: ImportedGroup) => boolean,
): ParsedImport {
  const group = groupOfFileName(fileName);
  const bytes = Buffer.from(content, 'utf8');
  const lineAt = lineFinder(bytes);
  // Each record with the byte offset just after it, kept as csv-parse reads them, so a refusal
  // midway still says where the last whole record ended and the broken one starts.
  const records: ParsedRecord[] = [];
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        records.push({ record, end: context.bytes });
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const start = records.at(-1)?.end ?? 0;
    return {
      group,
      rules: [],
      problems: [{ place: { line: lineAt(start) }, problem: syntaxSentence(error) }],
    };
  }

  const lines: { record: string[]; line: number }[] = [];
  let start = 0;
  for (const { record, end } of records) {
    if (!isBlank(record)) lines.push({ record, line: lineAt(start) });
    start = end;
  }
  const [head, ...rows] = lines;
  if (head === undefined) {
    return {
      group,
      rules: [],
      problems: [
        {
          place: null,
          problem: 'holds no header line (ECS Permission field names: Direction,IpProtocol,...)',
        },
      ],
    };
  }
  const header = head.record.map((name) => name.trim());
  const problems = headerProblems(header, head.line);
  if (problems.length > 0) return { group, rules: [], problems };

  const ctx = { vpc: vpcOf(group) };
  const rules: Rule[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of rows) {
    const extra = record.slice(header.length);
    if (record.length < header.length || !isBlank(extra)) {
      problems.push({
        place: { line },
        problem: `has ${record.length} fields where the header has ${header.length}`,
      });
      continue;
    }
    // An empty cell is an absent field, as the export writes it.
    const fields: Record<string, string> = {};
    header.forEach((name, index) => {
      const value = record[index]!;
      if (value !== '') fields[name] = value;
    });
    const result = importPermission(fields, { line }, ctx);
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    const key = ruleIdentity(result.rule);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ place: { line }, problem: `is the same rule as line ${first}` });
      continue;
    }
    seen.set(key, line);
    rules.push(result.rule);
  }
  return { group, rules, problems };
}
