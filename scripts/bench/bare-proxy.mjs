// The hop ceiling: the least a Node proxy can do per request. It forwards each request's method,
// path and body to TARGET over keep-alive connections (undici, as the gateway does) and passes the
// status and body back: no auth, no validation, no logs, no metrics. The bench runs the bare server
// behind it on core 0, so proxy ÷ bare measures what any extra hop costs there. PORT, HOST and
// TARGET from the environment; it prints "listening" once it accepts connections.
import http from 'node:http';
import { Client } from 'undici';

const target = new URL(process.env.TARGET);
const idle = [];

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const client = idle.pop() ?? new Client(target.origin, { pipelining: 1, keepAliveTimeout: 30_000 });
    const answer = [];
    let status = 502;
    let type = 'application/json';
    client.dispatch(
      { path: req.url, method: req.method, headers: { 'content-type': 'application/json' }, body: chunks.length ? Buffer.concat(chunks) : null },
      {
        onRequestStart() {},
        onResponseStart(_c, code, headers) {
          status = code;
          type = headers['content-type'] ?? type;
        },
        onResponseData(_c, chunk) {
          answer.push(chunk);
        },
        onResponseEnd() {
          idle.push(client);
          const body = Buffer.concat(answer);
          res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
          res.end(body);
        },
        onResponseError(_c, error) {
          res.writeHead(502, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ message: error.message }));
        },
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
