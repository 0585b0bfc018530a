import { describe, expect, it } from 'vitest';
import { setPasswordUrl } from './passwordLink';

describe('setPasswordUrl', () => {
  it('carries the one-time code to the app’s own page', () => {
    const link = 'http://127.0.0.1:9099/emulator/action?mode=resetPassword&lang=en&oobCode=ABC-123_x&apiKey=demo-key';
    expect(setPasswordUrl(link, 'https://desk.example')).toBe(
      'https://desk.example/set-password?mode=resetPassword&oobCode=ABC-123_x',
    );
  });
  it('gives null for a link without a code or no link at all', () => {
    expect(setPasswordUrl('https://x.example/action?mode=resetPassword', 'https://desk.example')).toBeNull();
    expect(setPasswordUrl('not a url', 'https://desk.example')).toBeNull();
  });
});
