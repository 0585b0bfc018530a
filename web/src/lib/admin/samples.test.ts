import { describe, expect, it } from 'vitest';
import { previewText, variableList } from './samples';

describe('previewText', () => {
  it('fills known variables with sample values and the chosen project name', () => {
    expect(previewText('Hello {userName}, welcome to {projectName}. You are number {position}.', 'IT Support')).toBe(
      'Hello Alex Doe, welcome to IT Support. You are number 3.',
    );
  });

  it('leaves an unknown variable visible instead of blanking it', () => {
    expect(previewText('Hi {nickname}', 'HR')).toBe('Hi {nickname}');
  });
});

describe('variableList', () => {
  it('writes variables as they are typed', () => {
    expect(variableList(['userName', 'caseNumber'])).toBe('{userName}, {caseNumber}');
  });
});
