import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLogger, createServiceApp, listen } from '../src/index.js';

async function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the HTTP server', () => {
  it('answers requests node rejects itself with the JSON error shape', async () => {
    const app = createServiceApp({ name: 't', auth: { keys: ['k'] }, logger: createLogger('t', 'silent'), readiness: () => ({ ready: true }), routes: [] });
    const running = await listen({ app, port: 0, host: '127.0.0.1', logger: createLogger('t', 'silent'), shutdownTimeoutMs: 1_000 });
    try {
      const malformed = await raw(running.port, 'GARBAGE\r\n\r\n');
      expect(malformed).toMatch(/^HTTP\/1.1 400 Bad Request\r\n/);
      expect(JSON.parse(malformed.split('\r\n\r\n')[1]!)).toEqual({ message: 'malformed HTTP request', code: 'BAD_REQUEST' });
      const huge = await raw(running.port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(huge).toMatch(/^HTTP\/1.1 431 /);
      expect(JSON.parse(huge.split('\r\n\r\n')[1]!).code).toBe('HEADERS_TOO_LARGE');
    } finally {
      await running.shutdown();
    }
  });

  it('answers GET /health before express, with the request id and the JSON body', async () => {
    const app = createServiceApp({ name: 't', auth: { keys: ['k'] }, logger: createLogger('t', 'silent'), readiness: () => ({ ready: true }), routes: [] });
    const running = await listen({ app, port: 0, host: '127.0.0.1', logger: createLogger('t', 'silent'), shutdownTimeoutMs: 1_000 });
    try {
      const res = await fetch(`http://127.0.0.1:${running.port}/health`, { headers: { 'X-Request-Id': 'probe-1' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'UP' });
      expect(res.headers.get('x-request-id')).toBe('probe-1');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const post = await fetch(`http://127.0.0.1:${running.port}/health`, { method: 'POST' });
      expect(post.status).toBe(405);
    } finally {
      await running.shutdown();
    }
  });
});
