/**
 * The vote-path bench's baseline: node's HTTP server answering 200 to every request once its body
 * is read, and nothing else. The same burst sent here shows what the machine, the loopback and
 * node's HTTP stack cost before Consult does anything. Prints `READY <port> slack=off`.
 */
import http from 'node:http';

const server = http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => res.writeHead(200).end());
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0} slack=off\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
