import { describe, expect, it } from 'vitest';
import { clientMessageId } from './catalogue';
import { nextMessageId, offlineMessageWrites, outgoingMessage, takeChatSlot } from './clientWrites';

const now = () => 'NOW';

describe('client writes', () => {
  it('numbers an author’s messages one past the highest they know, ignoring other authors and function ids', () => {
    expect(nextMessageId('ana', [])).toBe('ana~0001');
    expect(nextMessageId('ana', ['ana~0001', 'ana~0007', 'sam~0040', 'system-closed', 'ana~12'])).toBe('ana~0008');
    expect(nextMessageId('ana', ['ana~0003'], 9)).toBe('ana~0010');
    expect(clientMessageId('ana', 2000)).toBe('ana~2000');
  });

  it('keeps internal notes to specialists', () => {
    expect(outgoingMessage({ id: 'sam', role: 'specialist' }, 'x', now, true)).toMatchObject({
      kind: 'note',
      visibility: 'staff',
    });
    expect(outgoingMessage({ id: 'ana', role: 'user' }, 'x', now, true)).toMatchObject({
      kind: 'text',
      visibility: 'all',
    });
    expect(Object.keys(outgoingMessage({ id: 'ana', role: 'user' }, 'x', now))).not.toContain('authorName');
  });

  it('creates a chat slot once, then moves it without touching the offline stamp', () => {
    expect(takeChatSlot('ana', 'p', 'c1', now, false)).toEqual({
      path: 'users/ana/projectChats/p',
      kind: 'set',
      data: { conversationId: 'c1', startedAt: 'NOW', offlineMessageAt: null },
    });
    expect(takeChatSlot('ana', 'p', 'c2', now, true).data).toEqual({ conversationId: 'c2', startedAt: 'NOW' });
  });

  it('leaves an offline message under the conversation’s id and stamps the slot', () => {
    const writes = offlineMessageWrites('c1', { projectId: 'p', userId: 'ana', userName: 'Ana' }, 'Call me', now);
    expect(writes.map((w) => `${w.kind} ${w.path}`)).toEqual([
      'set offlineMessages/c1',
      'update users/ana/projectChats/p',
    ]);
  });
});
