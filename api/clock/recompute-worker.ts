import type { Logger } from 'pino';
import type { Services } from '../services.js';
import { recomputePass } from './recompute.js';

/** How often each node looks for recompute work (CLOCK_RECOMPUTE_POLL_MS; 0 = never, e.g. a node that only serves requests). */
export const RECOMPUTE_POLL_MS = Number(process.env.CLOCK_RECOMPUTE_POLL_MS ?? 2_000);

/**
 * Runs {@link recomputePass} every `everyMs` on this node. Passes never overlap on a node, and the
 * advisory lock keeps nodes from overlapping. Returns a stop function that waits for a pass in flight.
 */
export function startRecomputeWorker(services: Services, log: Logger, everyMs = RECOMPUTE_POLL_MS): () => Promise<void> {
  if (!(everyMs > 0)) return async () => {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = recomputePass(services, log)
        .catch((err: unknown) => log.error({ err }, 'clock recompute pass failed'))
        .finally(schedule);
    }, everyMs);
    timer.unref();
  };
  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
