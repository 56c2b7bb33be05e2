/**
 * The vote-path bench's second baseline: the least any Slack app must do before it acknowledges a
 * click, written as directly as node allows. It reads the body, checks Slack's v0 signature with
 * node's HMAC, refuses a signature seen before, keeps the body for later and answers 200. Consult's
 * ack over this one is what Consult itself adds; this one over the bare server (floor-server.ts) is
 * what the checks cost on this machine. Prints `READY <port> slack=off`.
 */
import http from 'node:http';
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

const key = createSecretKey(Buffer.from(process.env.SLACK_SIGNING_SECRET ?? 'bench-signing-secret', 'utf8'));
const seen = new Map<string, number>();
let kept: Buffer[] = [];

function verified(body: Buffer, signature: unknown, timestamp: unknown): boolean {
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return false;
  const mac = createHmac('sha256', key).update(`v0:${timestamp}:`).update(body).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === mac.length && timingSafeEqual(given, mac) && !seen.has(signature);
}

const server = http.createServer((req, res) => {
  const signature = req.headers['x-slack-signature'];
  const timestamp = req.headers['x-slack-request-timestamp'];
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    if (!verified(body, signature, timestamp)) return void res.writeHead(401).end();
    seen.set(signature as string, Date.now());
    kept.push(body);
    res.writeHead(200).end();
  });
});
// What a real app would process later is dropped between bursts; the replay memory stays bounded.
setInterval(() => {
  kept = [];
  if (seen.size > 50_000) seen.clear();
}, 1_000).unref();
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0} slack=off\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
