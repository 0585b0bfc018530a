// Associating specialists with a project: who the dialog would add, whose level
// it would change and who is already there, said in words before anything is
// written. Pure, so the dialog's promises are unit-tested.
import { LIMITS, type Level } from '$shared/catalogue';
import type { GroupDoc, UserDoc } from '$shared/model';

export interface Candidate {
  uid: string;
  displayName: string;
}

export interface AssociationPlan {
  level: Level;
  add: Candidate[];
  /** Already associated at the other level: saving changes their level here only. */
  change: (Candidate & { from: Level })[];
  /** Already associated at this level: nothing to do. */
  unchanged: Candidate[];
}

/** The name stored on specialists/{uid}: the account's name, else its email, within the rules' 120 characters. */
export function nameOf(uid: string, user: Pick<UserDoc, 'displayName' | 'email'> | undefined): string {
  const name = user?.displayName?.trim() || user?.email?.trim() || uid;
  return Array.from(name).slice(0, LIMITS.displayName).join('');
}

export function planAssociation(
  candidates: readonly Candidate[],
  level: Level,
  current: ReadonlyMap<string, Level>,
): AssociationPlan {
  const plan: AssociationPlan = { level, add: [], change: [], unchanged: [] };
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.uid)) continue;
    seen.add(candidate.uid);
    const from = current.get(candidate.uid);
    if (from === undefined) plan.add.push(candidate);
    else if (from === level) plan.unchanged.push(candidate);
    else plan.change.push({ ...candidate, from });
  }
  return plan;
}

/** Writes the plan needs; zero means there is nothing to save. */
export const planSize = (plan: AssociationPlan) => plan.add.length + plan.change.length;

const names = (list: readonly Candidate[]) => list.map((c) => c.displayName).join(', ');
const count = (n: number) => `${n} specialist${n === 1 ? '' : 's'}`;

/** The plan as sentences, for the dialog before saving and the page after. */
export function describePlan(plan: AssociationPlan, tense: 'will' | 'did'): string[] {
  const lines: string[] = [];
  const [add, change] = tense === 'will' ? ['Adds', 'Changes'] : ['Added', 'Changed'];
  if (plan.add.length) lines.push(`${add} ${count(plan.add.length)} at Level ${plan.level}: ${names(plan.add)}.`);
  for (const c of plan.change) {
    lines.push(
      `${change} ${c.displayName} from Level ${c.from} to Level ${plan.level} in this project (other projects keep their level).`,
    );
  }
  if (plan.unchanged.length) lines.push(`Already at Level ${plan.level}: ${names(plan.unchanged)}.`);
  return lines;
}

/**
 * The members of a group who have a specialist account. Ids without one (the
 * account was removed or is no longer a specialist) are reported, not added.
 */
export function groupCandidates(
  group: Pick<GroupDoc, 'specialistIds'>,
  specialists: ReadonlyMap<string, Candidate>,
): { candidates: Candidate[]; missing: string[] } {
  const candidates: Candidate[] = [];
  const missing: string[] = [];
  for (const uid of new Set(group.specialistIds)) {
    const found = specialists.get(uid);
    if (found) candidates.push(found);
    else missing.push(uid);
  }
  return { candidates, missing };
}

/** Names of the groups a specialist belongs to, alphabetically. */
export function groupNamesOf(uid: string, groups: readonly Pick<GroupDoc, 'name' | 'specialistIds'>[]): string[] {
  return groups
    .filter((g) => g.specialistIds.includes(uid))
    .map((g) => g.name)
    .sort((a, b) => a.localeCompare(b));
}
