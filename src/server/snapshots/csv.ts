/**
 * A small RFC 4180 writer (csv-parse reads; writing this much needs no library): fields holding a comma, a quote, CR or
 * LF are quoted with inner quotes doubled; records end with CRLF.
 */

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The header line and one line per record, each CRLF-terminated. */
export function toCsv(header: readonly string[], records: readonly (readonly string[])[]): string {
  return [header, ...records].map((record) => `${record.map(field).join(',')}\r\n`).join('');
}
