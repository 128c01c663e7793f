// The HTTP ceiling: a bare node:http server answering every request with a constant small JSON,
// as /health does. POST /busy/<µs> first keeps the CPU busy that long, standing in for a backend
// whose work costs that much (the bench puts the bare proxy in front of it to measure what a hop
// costs in front of such a backend). POST /json reads the whole body and parses it as JSON: the
// least any of our endpoints does per request, the floor of the bench's npm-start part. The bench starts it pinned to core 0, like the services. PORT
// and HOST from the environment; it prints "listening" once it accepts connections.
import http from 'node:http';

const body = Buffer.from(JSON.stringify({ status: 'UP' }));
const BUSY = /^\/busy\/(\d{1,7})$/;

function spin(microseconds) {
  const until = process.hrtime.bigint() + BigInt(microseconds) * 1000n;
  while (process.hrtime.bigint() < until);
}

const server = http.createServer((req, res) => {
  const busy = BUSY.exec(req.url ?? '');
  const parse = req.url === '/json';
  const chunks = [];
  if (parse) req.on('data', (chunk) => chunks.push(chunk));
  else req.resume();
  req.on('end', () => {
    if (busy) spin(Number(busy[1]));
    if (parse) {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
    }
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
