/** The worker thread that draws charts and PDFs, so this CPU work never holds up the vote path. */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderChart } from './charts.ts';
import { reportPdf } from './pdf.ts';
import type { RenderJob, RenderReply } from './renderer.ts';

const port = parentPort;
if (!port) throw new Error('src/report/worker.ts runs as a worker thread');

/**
 * On a small machine this thread and the main one share the cores: reports yield to votes. On
 * Linux, setting the priority of "this process" from a thread sets that thread's only (the main
 * thread keeps its own); elsewhere it would lower the whole process, so it is not done there.
 */
const NICER = 10;
if (process.platform === 'linux') setPriority(NICER);

port.on('message', async ({ id, job }: { id: number; job: RenderJob }) => {
  let reply: RenderReply;
  try {
    if (job.type === 'chart') reply = { id, ok: true, chart: await renderChart(job.chart, job.scale) };
    else reply = { id, ok: true, pdf: await reportPdf(job.docs, { title: job.title }) };
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  const bytes = reply.ok ? (reply.chart?.png ?? reply.pdf) : undefined;
  port.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
});
