// Callable: an admin creates many accounts from a CSV (name,email,role[,projects]).
// Everything is checked again here with the preview's own rules
// (shared/accountImport.ts) plus what exists now; one bad row and nothing is
// imported. The users documents, memberships and audit entries land in one
// transaction; Auth users are made first and a retry resumes any left half-made.
import { FieldValue } from 'firebase-admin/firestore';
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { z } from 'zod';
import { auth, db } from '../platform/admin';
import { guarded, parsePayload, requireRole } from '../platform/callable';
import { recordAudit } from '../audit/auditEntry.io';
import { parseAccountsCsv, problemsAgainst, type RowProblem } from '../shared/accountImport';
import { searchTermsOf, sortNameOf } from '../shared/accountSearch';
import {
  IMPORT_CSV_MAX_CHARS,
  type ImportAccountsRequest,
  type ImportAccountsResult,
  type ImportProblemsDetails,
} from '../shared/callables';
import { COLLECTIONS, paths } from '../shared/catalogue';
import { authUserFor } from './authUsers.io';

const schema: z.ZodType<ImportAccountsRequest> = z.strictObject({
  csv: z.string().max(IMPORT_CSV_MAX_CHARS, `A file has at most ${IMPORT_CSV_MAX_CHARS} characters.`),
});

/** A transaction holds at most 500 writes. */
const WRITES_MAX = 500;

function refuse(problems: RowProblem[]): never {
  const details: ImportProblemsDetails = { problems: [...problems].sort((a, b) => a.line - b.line) };
  const rows = new Set(problems.map((p) => p.line)).size;
  throw new HttpsError(
    'invalid-argument',
    `${rows} ${rows === 1 ? 'line has' : 'lines have'} problems; nothing was imported.`,
    details,
  );
}

/** Emails that already belong to a desk account (an Auth user with its users document). */
async function existingEmails(emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 100) {
    const { users } = await auth.getUsers(emails.slice(i, i + 100).map((email) => ({ email })));
    const docs = users.length ? await db.getAll(...users.map((u) => db.doc(paths.user(u.uid)))) : [];
    docs.forEach((d, k) => {
      if (d.exists && users[k]?.email) found.add(users[k].email.toLowerCase());
    });
  }
  return found;
}

export const importAccounts = onCall(async (request): Promise<ImportAccountsResult> => {
  const caller = await requireRole(request, 'admin');
  const input = parsePayload(schema, request.data);
  return guarded('importAccounts', async () => {
    const { rows, problems } = parseAccountsCsv(input.csv);
    // Every problem at once, as the preview shows them: rows that parsed badly are not looked up.
    const badLines = new Set(problems.map((p) => p.line));
    const lookedUp = rows.filter((r) => !badLines.has(r.line)).map((r) => r.email);
    const projects = (await db.collection(COLLECTIONS.projects).get()).docs.map((d) => ({
      id: d.id,
      name: String(d.get('name') ?? d.id),
    }));
    const against = problemsAgainst(rows, await existingEmails(lookedUp), projects);
    if (problems.length || against.problems.length) refuse([...problems, ...against.problems]);
    const memberships = rows.reduce((n, r) => n + (against.projectIds.get(r.line)?.length ?? 0), 0);
    if (rows.length * 2 + memberships + projects.length > WRITES_MAX) {
      refuse([{ line: 1, message: 'Too many accounts and memberships at once; split the file in two.' }]);
    }

    const users = await Promise.all(rows.map((row) => authUserFor(row.email, row.displayName)));
    const actorName = String((await db.doc(paths.user(caller.uid)).get()).get('displayName') ?? caller.uid);
    await db.runTransaction(async (tx) => {
      const docs = await tx.getAll(...users.map((u) => db.doc(paths.user(u.uid))));
      const taken = rows
        .filter((_, i) => docs[i]?.exists)
        .map((r) => ({ line: r.line, message: `${r.email} already has an account.` }));
      if (taken.length) refuse(taken);
      const added = new Map<string, string[]>();
      rows.forEach((row, i) => {
        const uid = users[i]!.uid;
        const projectIds = against.projectIds.get(row.line) ?? [];
        tx.create(db.doc(paths.user(uid)), {
          displayName: row.displayName,
          email: row.email,
          role: row.role,
          disabled: false,
          sortName: sortNameOf(row.displayName, row.email),
          searchTerms: searchTermsOf(row.displayName, row.email),
          projectIds,
          lastSignInAt: null,
          createdAt: FieldValue.serverTimestamp(),
        });
        recordAudit(tx, {
          actorId: caller.uid,
          actorName,
          action: 'account.created',
          targetKind: 'account',
          targetId: uid,
          targetName: row.displayName,
          before: null,
          after: { displayName: row.displayName, email: row.email, role: row.role, projectIds },
        });
        for (const projectId of projectIds) {
          tx.set(db.doc(paths.member(projectId, uid)), {
            uid,
            displayName: row.displayName,
            addedAt: FieldValue.serverTimestamp(),
          });
          added.set(projectId, [...(added.get(projectId) ?? []), uid]);
        }
      });
      for (const [projectId, uids] of added) {
        recordAudit(tx, {
          actorId: caller.uid,
          actorName,
          action: 'project.members',
          targetKind: 'project',
          targetId: projectId,
          targetName: projects.find((p) => p.id === projectId)?.name ?? projectId,
          before: null,
          after: { added: uids, removed: [] },
        });
      }
    });
    const created = [];
    for (const [i, row] of rows.entries()) {
      const uid = users[i]!.uid;
      await auth.setCustomUserClaims(uid, { role: row.role });
      created.push({ uid, email: row.email, passwordLink: await auth.generatePasswordResetLink(row.email) });
    }
    return { created };
  });
});
