/** The HTTP status a raw socket's request gets (0 if the server closes it without one). */
import type net from 'node:net';

export function statusOf(socket: net.Socket): Promise<number> {
  return new Promise<number>((resolve) => {
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) resolve(Number(m[1]));
    });
    socket.on('close', () => resolve(0));
  });
}
