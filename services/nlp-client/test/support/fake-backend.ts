import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** How the stand-in answers; `nthOnSocket` counts requests on the connection, from 1. */
export type Behaviour = (req: http.IncomingMessage, res: http.ServerResponse, body: string, nthOnSocket: number) => void;

export interface FakeBackend {
  url: URL;
  /** Every request it has read, in order; tests may empty it. */
  seen: Seen[];
  /** Connections accepted so far. */
  connections: () => number;
  behave: (behaviour: Behaviour) => void;
  close: () => Promise<void>;
}

/** A stand-in backend on a loopback port: reads each request whole, records it, then answers as told. */
export async function fakeBackend(initial: Behaviour = (_req, res) => res.end()): Promise<FakeBackend> {
  const seen: Seen[] = [];
  let behaviour = initial;
  let connections = 0;
  const perSocket = new WeakMap<Socket, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const nth = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, nth);
      behaviour(req, res, body, nth);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    seen,
    connections: () => connections,
    behave: (b) => {
      behaviour = b;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
