// The browser's page lifecycle as presence needs it; null outside a browser.
import type { PageLifecycle } from './connection';

export function browserPage(): PageLifecycle | null {
  if (typeof window === 'undefined') return null;
  return {
    watch(onHide, onShow) {
      const hide = () => onHide();
      const show = (event: PageTransitionEvent) => {
        if (event.persisted) onShow();
      };
      window.addEventListener('pagehide', hide);
      window.addEventListener('pageshow', show);
      return () => {
        window.removeEventListener('pagehide', hide);
        window.removeEventListener('pageshow', show);
      };
    },
  };
}
