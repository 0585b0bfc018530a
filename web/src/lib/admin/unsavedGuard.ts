// Asks before leaving a screen with unsaved edits. Call while a component
// initialises; the guard lives as long as the component.
import { beforeNavigate } from '$app/navigation';

export function guardUnsaved(isDirty: () => boolean, { samePathIsSafe = false } = {}) {
  beforeNavigate((navigation) => {
    if (!isDirty()) return;
    // e.g. picking another project where the form is the same for every project.
    if (samePathIsSafe && navigation.to?.url.pathname === navigation.from?.url.pathname) return;
    // Closing or reloading the tab: cancelling makes the browser ask in its own words.
    if (navigation.type === 'leave') return navigation.cancel();
    if (!confirm('This page has unsaved changes. Leave it and lose them?')) navigation.cancel();
  });
}
