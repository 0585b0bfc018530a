// Where a project's webhook may point. Written once for the admin form and the
// saving callable. In production only https to a public host: the body carries
// case data and the signature, and a function calling its own machine or the
// cloud metadata server (localhost, private and link-local addresses) would let
// an admin's typo, or a hostile admin, probe the inside of the platform. On the
// emulators the organization's desk is a test receiver on this machine, so
// http://localhost and http://127.0.0.1 are allowed there, and only there.
import { WEBHOOK } from './catalogue';

export interface WebhookUrlContext {
  /** True only when the code runs against the emulators (never in a deployed function). */
  emulator: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** IPv4 literals no public desk has: loopback, private, link-local (metadata), CGNAT, unspecified. */
function isInternalIPv4(host: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function isInternalHost(host: string): boolean {
  const h = host.toLowerCase();
  return (
    LOCAL_HOSTS.has(h) ||
    h.endsWith('.localhost') ||
    h.endsWith('.internal') ||
    h.endsWith('.local') ||
    h.startsWith('[') || // IPv6 literals: a public desk has a name
    isInternalIPv4(h)
  );
}

/** Why this URL cannot receive webhooks, or null when it can. An empty URL is allowed only while disabled. */
export function webhookUrlProblem(url: string, enabled: boolean, context: WebhookUrlContext): string | null {
  const text = url.trim();
  if (text === '') return enabled ? 'Enter the URL of your service desk before turning the webhook on.' : null;
  if (text.length > WEBHOOK.urlMaxLength) return `The URL is longer than ${WEBHOOK.urlMaxLength} characters.`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return 'This is not a URL: it should look like https://desk.example.com/hooks/chat.';
  }
  if (parsed.username || parsed.password)
    return 'Put no user name or password in the URL; requests are signed instead.';
  const local = LOCAL_HOSTS.has(parsed.hostname.toLowerCase());
  if (context.emulator && local && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return null;
  if (parsed.protocol !== 'https:') return 'The URL must start with https:// so case data travels encrypted.';
  if (isInternalHost(parsed.hostname)) {
    return 'The URL must name a public host: local, private and internal addresses are refused.';
  }
  return null;
}
