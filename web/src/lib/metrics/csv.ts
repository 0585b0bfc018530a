// CSV text for spreadsheet programs (RFC 4180 quoting). Pure; the page turns it into a download.

export type Cell = string | number | null;

/**
 * Quotes when needed, and defuses text a spreadsheet would run as a formula
 * (a user's name starting with "=" is data, not a command).
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
