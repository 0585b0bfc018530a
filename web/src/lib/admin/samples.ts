// Sample values for the previews of system messages, shortcuts and case subjects,
// so an admin sees a sentence rather than `{placeholders}`.
import { renderTemplate } from '$shared/templates';

export const SAMPLE_VALUES = {
  userName: 'Alex Doe',
  specialistName: 'Sam Rivera',
  caseNumber: 1042,
  position: 3,
  firstLine: 'My laptop cannot connect to the VPN',
} as const;

/** The text as the user would read it in `projectName`. Unknown variables stay visible as written. */
export function previewText(template: string, projectName: string): string {
  return renderTemplate(template, { ...SAMPLE_VALUES, projectName });
}

export const variableList = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');
