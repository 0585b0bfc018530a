// Bulk account creation from CSV (name,email,role[,projects]): the parsing and
// the per-row checks both the admin's browser preview and the importAccounts
// callable apply, so the preview promises exactly what the import does. A
// file imports whole or not at all.
import { LIMITS, ROLES, type Role } from './catalogue';

export const IMPORT_ROWS_MAX = 100;

export interface ImportRow {
  /** Line in the file (1-based), for messages. */
  line: number;
  displayName: string;
  email: string;
  role: Role;
  /** Project ids or names, separated by `;` in the file; only users become members. */
  projects: string[];
}

export interface RowProblem {
  line: number;
  message: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits one CSV line, honouring double quotes ("a, b" and "" inside quotes). */
export function splitCsvLine(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (cells.push(cell), (cell = ''));
    else cell += c;
  }
  cells.push(cell);
  return cells.map((x) => x.trim());
}

/** The rows of a file and what is wrong with each; a first line `name,email,role…` is a header. */
export function parseAccountsCsv(text: string): { rows: ImportRow[]; problems: RowProblem[] } {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const cells = splitCsvLine(raw);
    if (index === 0 && cells[0]?.toLowerCase() === 'name' && cells[1]?.toLowerCase() === 'email') return;
    const [name = '', email = '', role = '', projects = '', ...extra] = cells;
    const say = (message: string) => problems.push({ line, message });
    if (extra.some(Boolean)) return say('Too many columns: name,email,role[,projects] (separate projects with ;).');
    const row = {
      line,
      displayName: name,
      email: email.toLowerCase(),
      role: role.toLowerCase() as Role,
      projects: projects
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean),
    };
    rows.push(row);
    problems.push(...rowProblems(row));
  });
  if (rows.length > IMPORT_ROWS_MAX) {
    problems.push({ line: rows[IMPORT_ROWS_MAX]!.line, message: `At most ${IMPORT_ROWS_MAX} accounts per file.` });
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.email);
    if (first !== undefined && row.email) {
      problems.push({ line: row.line, message: `${row.email} is already on line ${first}.` });
    } else seen.set(row.email, row.line);
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'The file holds no accounts.' });
  return { rows, problems };
}

/** What is wrong with one row on its own. */
export function rowProblems(row: ImportRow): RowProblem[] {
  const out: string[] = [];
  if (!row.displayName) out.push('The name is empty.');
  else if (row.displayName.length > LIMITS.displayName) out.push(`The name is longer than ${LIMITS.displayName}.`);
  if (!EMAIL.test(row.email) || row.email.length > 254) out.push(`“${row.email}” is not an email address.`);
  if (!(ROLES as readonly string[]).includes(row.role))
    out.push(`Unknown role “${row.role}” (admin, specialist or user).`);
  else if (row.projects.length && row.role !== 'user') {
    out.push('Only users join projects here; associate specialists in Associate specialists.');
  }
  return out.map((message) => ({ line: row.line, message }));
}

/**
 * Problems against what exists: emails that already have an account, and
 * projects (by id or name) that do not exist. Returns the rows' project ids.
 */
export function problemsAgainst(
  rows: readonly ImportRow[],
  existingEmails: ReadonlySet<string>,
  projects: readonly { id: string; name: string }[],
): { problems: RowProblem[]; projectIds: Map<number, string[]> } {
  const problems: RowProblem[] = [];
  const projectIds = new Map<number, string[]>();
  const byKey = new Map<string, string>();
  for (const p of projects) byKey.set(p.name.toLowerCase(), p.id);
  for (const p of projects) byKey.set(p.id.toLowerCase(), p.id);
  for (const row of rows) {
    if (existingEmails.has(row.email))
      problems.push({ line: row.line, message: `${row.email} already has an account.` });
    const ids: string[] = [];
    for (const key of row.projects) {
      const id = byKey.get(key.toLowerCase());
      if (id) ids.push(id);
      else problems.push({ line: row.line, message: `Unknown project “${key}”.` });
    }
    projectIds.set(row.line, [...new Set(ids)]);
  }
  return { problems, projectIds };
}
