import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address';

const addressSeen = async (trustedProxies: number, forwardedFor?: string) => {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddressOf(trustedProxies)(c)));
  const response = await app.request('/', { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });
  return response.text();
};

describe('the client address', () => {
  it('is the socket peer, whatever X-Forwarded-For claims, when no proxy is trusted', async () => {
    expect(await addressSeen(0, '203.0.113.9')).toBe('unknown');
  });

  it('is the address the trusted proxy saw, not what the client wrote further left', async () => {
    expect(await addressSeen(1, '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(await addressSeen(2, '198.51.100.1, 203.0.113.9')).toBe('198.51.100.1');
    expect(await addressSeen(3, '203.0.113.9')).toBe('203.0.113.9');
    expect(await addressSeen(1)).toBe('unknown');
  });
});
