// The HTTP ceiling: a bare node:http server answering every request with a constant small JSON,
// as /health does. The bench starts it pinned to core 0, like the services. PORT and HOST from the
// environment; it prints "listening" once it accepts connections.
import http from 'node:http';

const body = Buffer.from(JSON.stringify({ status: 'UP' }));
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
