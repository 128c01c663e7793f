/**
 * A raw HTTP client for the fuzz tests: every byte of the request is ours (no serialisation, no
 * default Content-Type), so "missing Content-Type", odd methods and arbitrary bytes reach the app
 * exactly as generated. The apps are built in-process and listen on loopback ports.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceApp } from '@nlp-api/service-kit';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | undefined>;
  body?: Buffer | string;
  /** Send the body with Transfer-Encoding: chunked instead of Content-Length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body as UTF-8. */
  text: string;
}

export interface Listening {
  url: URL;
  close(): Promise<void>;
}

export async function listen(app: ServiceApp): Promise<Listening> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Keep-alive sockets make a few hundred requests per property cheap.
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export function send(base: URL, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) if (value !== undefined) headers[name] = value;
    const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
    // Chunked framing only where Node frames it (an explicit header makes it chunk-encode).
    if (request.chunked) headers['transfer-encoding'] = 'chunked';
    else if (body !== undefined) headers['content-length'] = String(body.length);
    const req = http.request({ agent, hostname: base.hostname, port: base.port, method: request.method, path: request.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buffer, text: buffer.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const closeClient = (): void => agent.destroy();
