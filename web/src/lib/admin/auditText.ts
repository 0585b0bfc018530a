// An audit entry in words for the admin's audit page. Pure.
import type { AuditAction, AuditValues } from '$shared/model';

const ACTIONS: Record<AuditAction, string> = {
  'account.created': 'created the account',
  'account.role': 'changed the role of',
  'account.disabled': 'disabled',
  'account.enabled': 'enabled',
  'group.created': 'created the group',
  'group.changed': 'changed the group',
  'group.deleted': 'deleted the group',
  'project.created': 'created the project',
  'project.changed': 'changed the project',
  'project.members': 'changed the members of',
};

export const actionText = (action: AuditAction) => ACTIONS[action] ?? action;

function valueText(value: AuditValues[string]): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (value === null) return '—';
  return String(value);
}

/** "role: user → specialist; disabled: false → true", naming only what changed (all of `after` for a creation). */
export function changeText(before: AuditValues | null, after: AuditValues | null): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((key) => !before || !after || valueText(before[key] ?? null) !== valueText(after[key] ?? null))
    .map((key) => {
      const from = before ? valueText(before[key] ?? null) : null;
      const to = after ? valueText(after[key] ?? null) : null;
      if (from === null) return `${key}: ${to}`;
      if (to === null) return `${key} was ${from}`;
      return `${key}: ${from} → ${to}`;
    })
    .join('; ');
}
