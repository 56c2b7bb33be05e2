/**
 * Charts and PDFs are drawn in one worker thread, started on first use: Vega, resvg and pdfkit
 * are CPU work of tens to hundreds of milliseconds, which on the main thread would delay every
 * vote acknowledged meanwhile. A crashed worker fails only the jobs it held; the next job starts
 * a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { ChartModel } from './chart-model.ts';
import type { RenderedChart } from './charts.ts';
import type { ReportDocument } from './document.ts';

export type RenderJob =
  | { type: 'chart'; chart: ChartModel; scale: number }
  | { type: 'pdf'; docs: ReportDocument[]; title: string };

export type RenderReply =
  | { id: number; ok: true; chart?: RenderedChart; pdf?: Uint8Array }
  | { id: number; ok: false; error: string };

export interface ReportRenderer {
  chart(chart: ChartModel, scale?: number): Promise<RenderedChart>;
  pdf(docs: ReportDocument[], title: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url).href;

/** The worker is TypeScript: tsx is registered inside the thread before the worker module loads. */
function spawn(): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}); });`;
  return new Worker(boot, { eval: true });
}

export function createReportRenderer(log: (line: string) => void = () => {}): ReportRenderer {
  let worker: Worker | undefined;
  let next = 0;
  const pending = new Map<number, { resolve: (r: RenderReply) => void; reject: (e: Error) => void }>();

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function start(): Worker {
    const w = spawn();
    w.on('message', (reply: RenderReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      p?.resolve(reply);
      if (pending.size === 0) w.unref();
    });
    w.on('error', (err) => {
      log(`report renderer failed: ${err.message}`);
      if (worker === w) worker = undefined;
      failAll(err);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      if (pending.size) failAll(new Error(`report renderer stopped (exit code ${code})`));
    });
    return w;
  }

  async function run(job: RenderJob): Promise<RenderReply & { ok: true }> {
    worker ??= start();
    const w = worker;
    const id = ++next;
    // Held while it has work; unref'd when idle so it never keeps the process alive.
    w.ref();
    const reply = await new Promise<RenderReply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, job });
    });
    if (!reply.ok) throw new Error(`report renderer: ${reply.error}`);
    return reply;
  }

  return {
    async chart(chart, scale = 1) {
      return (await run({ type: 'chart', chart, scale })).chart!;
    },
    async pdf(docs, title) {
      return (await run({ type: 'pdf', docs, title })).pdf!;
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}

let shared: ReportRenderer | undefined;

/**
 * One renderer for the whole process: every core built in it (tests build many) shares one
 * worker. It is unref'd while idle, so it never keeps the process alive, and is not closed by a core's stop.
 */
export function sharedReportRenderer(log: (line: string) => void): ReportRenderer {
  shared ??= createReportRenderer(log);
  return shared;
}
