import { describe, expect, it } from 'vitest';
import { renderTemplate, templateVariables, unknownVariables } from './templates';

describe('templates', () => {
  it('lists variables once, in order', () => {
    expect(templateVariables('Hi {userName}, {projectName} says hi {userName}')).toEqual(['userName', 'projectName']);
  });
  it('reports unknown variables', () => {
    expect(unknownVariables('Case {caseNumber} for {customer}', ['caseNumber'])).toEqual(['customer']);
    expect(unknownVariables('No variables', ['caseNumber'])).toEqual([]);
  });
  it('renders known values and keeps missing ones visible', () => {
    expect(renderTemplate('#{caseNumber} for {userName}', { caseNumber: 12 })).toBe('#12 for {userName}');
  });
  it('ignores braces that are not variables', () => {
    expect(renderTemplate('{ } {1x} {a-b}', { a: 'A' })).toBe('{ } {1x} {a-b}');
  });
});
