// Many users at once without a client SDK instance each: ID tokens from the
// Auth emulator and batched writes through Firestore's REST API, under the same
// security rules the web app meets. The documents are the app's own
// ($shared/clientWrites); only the transport differs, so a burst of hundreds
// of arrivals costs the bench a few sockets, not hundreds of SDK instances.
import { APP_PROJECT, emulator } from './emulators';

const PASSWORD = 'bench-password';

/** A signed-in user's ID token, as the Auth emulator issues it. */
export async function idToken(email: string): Promise<string> {
  const url = `${emulator('auth').url}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-key`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
  });
  if (!response.ok) throw new Error(`Sign-in of ${email} failed: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { idToken: string }).idToken;
}

/** Marks a field to be set to the request time, as serverTimestamp() does. */
export const REQUEST_TIME = Symbol('requestTime');

type Value = Record<string, unknown>;

function encode(value: unknown): Value {
  if (value === null || value === undefined) return { nullValue: null };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { integerValue: String(value) } : { doubleValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(encode) } };
  return { mapValue: { fields: fieldsOf(value as Record<string, unknown>) } };
}

function fieldsOf(data: Record<string, unknown>): Record<string, Value> {
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => v !== REQUEST_TIME)
      .map(([k, v]) => [k, encode(v)]),
  );
}

export interface RestWrite {
  path: string;
  data: Record<string, unknown>;
  /** Create only: the rules then judge a create, as a first setDoc would. */
  mustNotExist?: boolean;
}

const documentName = (path: string) => `projects/${APP_PROJECT}/databases/(default)/documents/${path}`;

/** One atomic commit of whole-document writes, as the signed-in user. */
export async function commit(token: string, writes: readonly RestWrite[]): Promise<void> {
  const body = {
    writes: writes.map((w) => ({
      update: { name: documentName(w.path), fields: fieldsOf(w.data) },
      updateTransforms: Object.entries(w.data)
        .filter(([, v]) => v === REQUEST_TIME)
        .map(([fieldPath]) => ({ fieldPath, setToServerValue: 'REQUEST_TIME' })),
      ...(w.mustNotExist ? { currentDocument: { exists: false } } : {}),
    })),
  };
  const url = `${emulator('firestore').url}/v1/projects/${APP_PROJECT}/databases/(default)/documents:commit`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Commit refused: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
}
