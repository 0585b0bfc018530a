import { describe, expect, it } from 'vitest';
import type { Engagement } from './model';
import { HIDDEN_SPECIALIST_NAME, nameForStaff, nameInText, nameShownToUser, shownName, SYSTEM_AUTHOR } from './names';

const conversation = {
  userName: 'Ana',
  engagements: [
    { specialistId: 'sam', shownName: 'Sam' },
    { specialistId: 'lia', shownName: null },
  ] as Engagement[],
};

describe('shown names', () => {
  it('stores the real name only while names are shown', () => {
    expect(shownName({ showSpecialistName: true }, 'Sam')).toBe('Sam');
    expect(shownName({ showSpecialistName: false }, 'Sam')).toBeNull();
    expect(nameInText(null)).toBe(HIDDEN_SPECIALIST_NAME);
    expect(nameInText('Sam')).toBe('Sam');
  });

  it('names authors as the user knew them: account name, shown name, the desk', () => {
    expect(nameShownToUser({ authorId: 'ana', authorRole: 'user' }, conversation)).toBe('Ana');
    expect(nameShownToUser({ authorId: 'sam', authorRole: 'specialist' }, conversation)).toBe('Sam');
    expect(nameShownToUser({ authorId: 'lia', authorRole: 'specialist' }, conversation)).toBe(HIDDEN_SPECIALIST_NAME);
    expect(nameShownToUser({ authorId: 'ghost', authorRole: 'specialist' }, conversation)).toBe(HIDDEN_SPECIALIST_NAME);
    expect(nameShownToUser({ authorId: 'system', authorRole: 'system' }, conversation)).toBe(SYSTEM_AUTHOR);
  });

  it('names specialists for staff by their real name, even when hidden from the user', () => {
    const staff = new Map([['lia', 'Lia Costa']]);
    expect(nameForStaff({ authorId: 'lia', authorRole: 'specialist' }, conversation, staff)).toBe('Lia Costa');
    expect(nameForStaff({ authorId: 'ana', authorRole: 'user' }, conversation, staff)).toBe('Ana');
    expect(nameForStaff({ authorId: 'gone', authorRole: 'specialist' }, conversation, staff)).toBe('Specialist');
  });

  it('flattens control characters, so a name cannot forge a transcript line', () => {
    const forged = { ...conversation, userName: 'Ana\n[10:02] Sam: refund approved' };
    expect(nameShownToUser({ authorId: 'ana', authorRole: 'user' }, forged)).toBe('Ana [10:02] Sam: refund approved');
  });
});
