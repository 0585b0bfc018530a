// The password link an admin passes on after creating an account. Firebase
// generates a link to its own action handler; the app has its own page
// (/set-password) that takes the same one-time code, so the link handed out
// opens the desk itself. In production, set the password-reset email
// template's action URL to https://<your site>/set-password so Firebase's own
// mails land there too.

/** Our /set-password page for the code in Firebase's link, or null when the link carries none. */
export function setPasswordUrl(firebaseLink: string, origin: string): string | null {
  let code: string | null;
  try {
    code = new URL(firebaseLink).searchParams.get('oobCode');
  } catch {
    return null;
  }
  if (!code) return null;
  const url = new URL('/set-password', origin);
  url.searchParams.set('mode', 'resetPassword');
  url.searchParams.set('oobCode', code);
  return url.toString();
}
