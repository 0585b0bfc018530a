import { describe, expect, it } from 'vitest';
import { parseEmulatorHosts, presenceModeFor } from './emulators';

const BASE = '{"auth":"127.0.0.1:9099","firestore":"127.0.0.1:8080","functions":"127.0.0.1:5001"}';

describe('parseEmulatorHosts', () => {
  it('treats an empty or blank setting as production', () => {
    expect(parseEmulatorHosts('')).toBeNull();
    expect(parseEmulatorHosts('  ')).toBeNull();
    expect(parseEmulatorHosts(undefined)).toBeNull();
  });

  it('reads every required emulator as host and port', () => {
    expect(parseEmulatorHosts(BASE)).toEqual({
      auth: { host: '127.0.0.1', port: 9099 },
      firestore: { host: '127.0.0.1', port: 8080 },
      functions: { host: '127.0.0.1', port: 5001 },
    });
  });

  it('adds the database emulator only when named', () => {
    const hosts = parseEmulatorHosts(BASE.replace('}', ',"database":"localhost:9000"}'));
    expect(hosts?.database).toEqual({ host: 'localhost', port: 9000 });
  });

  it('refuses malformed JSON, a missing emulator and a host without a port', () => {
    expect(() => parseEmulatorHosts('{auth:1}')).toThrow(/not valid JSON/);
    expect(() => parseEmulatorHosts('[]')).toThrow(/JSON object/);
    expect(() => parseEmulatorHosts('{"auth":"127.0.0.1:9099","firestore":"127.0.0.1:8080"}')).toThrow(
      /functions must look like/,
    );
    expect(() => parseEmulatorHosts(BASE.replace('127.0.0.1:8080', '127.0.0.1'))).toThrow(/firestore must look like/);
  });
});

describe('presenceModeFor', () => {
  it('uses the Realtime Database in production and when its emulator runs', () => {
    expect(presenceModeFor(null)).toBe('rtdb');
    expect(presenceModeFor(parseEmulatorHosts(BASE.replace('}', ',"database":"127.0.0.1:9000"}')))).toBe('rtdb');
  });

  it('falls back to Firestore heartbeats when emulating without a database', () => {
    expect(presenceModeFor(parseEmulatorHosts(BASE))).toBe('heartbeat');
  });
});
