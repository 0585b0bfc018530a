import { describe, expect, it } from 'vitest';
import type { GroupableMessage } from './grouping';
import { GROUP_GAP_MS, groupMessages } from './grouping';

let seq = 0;
function msg(authorId: string, atMs: number | null, kind: GroupableMessage['kind'] = 'text'): GroupableMessage {
  const authorRole = authorId === 'system' ? 'system' : authorId.startsWith('u') ? 'user' : 'specialist';
  return { id: `m${++seq}`, authorId, authorRole, kind, createdAtMs: atMs };
}

describe('groupMessages', () => {
  it("puts an author's consecutive messages in one block and marks the viewer's own", () => {
    const groups = groupMessages([msg('u1', 0), msg('u1', 1_000), msg('s1', 2_000), msg('u1', 3_000)], 'u1');
    expect(groups.map((g) => [g.authorId, g.messages.length, g.mine])).toEqual([
      ['u1', 2, true],
      ['s1', 1, false],
      ['u1', 1, true],
    ]);
    expect(groups[0]!.key).toBe(groups[0]!.messages[0]!.id);
  });

  it('starts a new block after a long pause', () => {
    const groups = groupMessages([msg('u1', 0), msg('u1', GROUP_GAP_MS + 1)], 'u1');
    expect(groups).toHaveLength(2);
  });

  it('never merges system messages or internal notes, even back to back', () => {
    const groups = groupMessages(
      [
        msg('system', 0, 'system'),
        msg('system', 1, 'system'),
        msg('s1', 2, 'note'),
        msg('s1', 3, 'note'),
        msg('s1', 4),
      ],
      's1',
    );
    expect(groups.map((g) => g.kind)).toEqual(['system', 'system', 'note', 'note', 'text']);
  });

  it('keeps a pending message (no server time yet) with the block it follows', () => {
    const groups = groupMessages([msg('u1', 0), msg('u1', null)], 'u1');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.messages).toHaveLength(2);
  });

  it('marks nothing as mine when nobody is signed in', () => {
    expect(groupMessages([msg('u1', 0)], null)[0]!.mine).toBe(false);
  });
});
