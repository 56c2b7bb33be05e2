/**
 * A local stand-in for the Bot Framework token service's OpenID metadata and signing keys,
 * so JWT validation runs for real without leaving the machine. Signs tokens as the channel
 * would (RS256, issuer https://api.botframework.com), or as an impostor with its own key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface TokenIssuer {
  metadataUrl: string;
  /** A token as the Bot Framework channel would send it. */
  sign(claims: Record<string, unknown>, options?: { key?: 'channel' | 'impostor'; kid?: string }): string;
  close(): Promise<void>;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const channel = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const impostor = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = channel.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  let base = '';
  const server = http.createServer((req, res) => {
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/v1/.well-known/openidconfiguration')
      return json({
        issuer: 'https://api.botframework.com',
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (req.url === '/v1/.well-known/keys')
      return json({
        keys: [{ kty: 'RSA', use: 'sig', kid: 'channel-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
      });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function sign(claims: Record<string, unknown>, options: { key?: 'channel' | 'impostor'; kid?: string } = {}): string {
    const key: KeyObject = (options.key === 'impostor' ? impostor : channel).privateKey;
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'channel-key' }));
    const payload = b64url(
      JSON.stringify({ iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 3600, ...claims }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    sign,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
