// `{variable}` templates used by system messages, shortcuts and case subjects.
// Unknown variables are reported, never silently rendered as blanks.

const VARIABLE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Names of the variables a template uses, in order of first appearance. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** Variables the template uses that are not in `allowed`. */
export function unknownVariables(template: string, allowed: readonly string[]): string[] {
  return templateVariables(template).filter((name) => !allowed.includes(name));
}

/**
 * Fills `{name}` with `values[name]`. A variable with no value is left as
 * written, so a missing value is visible instead of producing odd blank text.
 */
export function renderTemplate(template: string, values: Partial<Record<string, string | number>>): string {
  return template.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
