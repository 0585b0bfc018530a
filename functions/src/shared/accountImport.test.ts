import { describe, expect, it } from 'vitest';
import { parseAccountsCsv, problemsAgainst, splitCsvLine } from './accountImport';

describe('parseAccountsCsv', () => {
  it('reads a header, quoted names and projects separated by ;', () => {
    const { rows, problems } = parseAccountsCsv(
      'name,email,role,projects\n"Doe, Jane",Jane@X.io,user,Printers; HR\nSam,sam@x.io,Specialist\n',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, displayName: 'Doe, Jane', email: 'jane@x.io', role: 'user', projects: ['Printers', 'HR'] },
      { line: 3, displayName: 'Sam', email: 'sam@x.io', role: 'specialist', projects: [] },
    ]);
  });

  it('names each bad row: role, email, name, duplicates in the file, projects for non-users', () => {
    const { problems } = parseAccountsCsv(
      [
        'Ana,ana@x.io,owner',
        ',bob@x.io,user',
        'Cy,not-mail,user',
        'Ana B,ANA@x.io,user',
        'Sy,sy@x.io,specialist,P',
      ].join('\n'),
    );
    expect(problems).toEqual([
      { line: 1, message: 'Unknown role “owner” (admin, specialist or user).' },
      { line: 2, message: 'The name is empty.' },
      { line: 3, message: '“not-mail” is not an email address.' },
      { line: 5, message: 'Only users join projects here; associate specialists in Associate specialists.' },
      { line: 4, message: 'ana@x.io is already on line 1.' },
    ]);
  });

  it('refuses an empty file and too many columns', () => {
    expect(parseAccountsCsv('\n').problems).toEqual([{ line: 1, message: 'The file holds no accounts.' }]);
    expect(parseAccountsCsv('a,a@x.io,user,P,extra').problems[0]?.message).toMatch(/Too many columns/);
  });

  it('splits quotes with doubled quotes inside', () => {
    expect(splitCsvLine('"He said ""hi""",b')).toEqual(['He said "hi"', 'b']);
  });
});

describe('problemsAgainst', () => {
  it('finds existing emails and unknown projects, and maps names to ids', () => {
    const { rows } = parseAccountsCsv('A,a@x.io,user,printers;p2\nB,b@x.io,user,Nope');
    const { problems, projectIds } = problemsAgainst(rows, new Set(['b@x.io']), [
      { id: 'p1', name: 'Printers' },
      { id: 'p2', name: 'HR' },
    ]);
    expect(projectIds.get(1)).toEqual(['p1', 'p2']);
    expect(problems).toEqual([
      { line: 2, message: 'b@x.io already has an account.' },
      { line: 2, message: 'Unknown project “Nope”.' },
    ]);
  });
});
