import type { Logger } from 'pino';
import type { Services } from '../services.js';
import { fireDueTimers } from './fire-due-timers.js';

/** Polls for due timers. The interval only paces polling: every timer's state lives in timer_job rows. */
export function startTimerWorker(services: Services, log: Logger, everyMs = 5_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const handle = setInterval(() => {
    running = fireDueTimers(services).catch((err) => log.error({ err }, 'timer worker pass failed'));
  }, everyMs);
  handle.unref();
  return async () => {
    clearInterval(handle);
    await running;
  };
}
