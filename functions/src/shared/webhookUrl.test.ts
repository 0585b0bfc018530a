import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhookUrl';

const PROD = { emulator: false };
const EMU = { emulator: true };

describe('webhookUrlProblem', () => {
  it('accepts https to a public host, and an empty URL only while disabled', () => {
    expect(webhookUrlProblem('https://desk.example.com/hooks/chat', true, PROD)).toBeNull();
    expect(webhookUrlProblem('', false, PROD)).toBeNull();
    expect(webhookUrlProblem('  ', true, PROD)).toMatch(/Enter the URL/);
  });

  it('refuses http and non-URLs in production', () => {
    expect(webhookUrlProblem('http://desk.example.com/h', true, PROD)).toMatch(/https/);
    expect(webhookUrlProblem('ftp://desk.example.com/h', true, PROD)).toMatch(/https/);
    expect(webhookUrlProblem('desk.example.com', true, PROD)).toMatch(/not a URL/);
  });

  it('refuses local, private, link-local and internal hosts in production', () => {
    for (const host of [
      'localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      'metadata.google.internal',
      '[::1]',
      'printer.local',
    ]) {
      expect(webhookUrlProblem(`https://${host}/h`, true, PROD), host).toMatch(/public host/);
    }
    expect(webhookUrlProblem('https://172.32.0.1/h', true, PROD)).toBeNull();
  });

  it('allows http to localhost and 127.0.0.1 on the emulators only, and nothing else local there', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4567/hook', true, EMU)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4567/hook', true, EMU)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4567/hook', true, PROD)).not.toBeNull();
    expect(webhookUrlProblem('http://10.0.0.1/hook', true, EMU)).toMatch(/https/);
  });

  it('refuses credentials in the URL and overlong URLs', () => {
    expect(webhookUrlProblem('https://a:b@desk.example.com/h', true, PROD)).toMatch(/user name or password/);
    expect(webhookUrlProblem(`https://desk.example.com/${'x'.repeat(2000)}`, true, PROD)).toMatch(/longer than/);
  });
});
