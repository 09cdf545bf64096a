import { Timers } from 'bpmn-elements';
import type { TimerRequest } from './types.js';

/** What a TimerEventDefinition registers as the owner of its timeout. */
interface TimerOwner {
  id: string;
  executionId: string;
  expireAt: Date | string;
}

interface PendingTimer {
  owner: TimerOwner;
  callback: (...args: unknown[]) => void;
  args: unknown[];
}

/**
 * bpmn-elements' Timers with a scheduler that never schedules: the engine registers its timeouts as
 * usual, nothing runs by itself, and the caller fires a timer explicitly (after a recover) when its
 * job is due. A timer already overdue at resume is completed by the engine itself, without us.
 */
export function deferredTimers(): Timers {
  const never = () => undefined;
  return new Timers({
    setTimeout: never as unknown as typeof setTimeout,
    clearTimeout: never as unknown as typeof clearTimeout,
  });
}

export function pendingTimers(timers: Timers): TimerRequest[] {
  return pending(timers).map(({ owner }) => ({
    executionId: owner.executionId,
    elementId: owner.id,
    expireAt: new Date(owner.expireAt),
  }));
}

/** Runs the timeout of one pending timer exactly as an elapsed setTimeout would; false if none. */
export function firePendingTimer(timers: Timers, executionId: string): boolean {
  const timer = pending(timers).find((t) => t.owner.executionId === executionId);
  if (!timer) return false;
  timers.clearTimeout(timer);
  timer.callback(...timer.args);
  return true;
}

function pending(timers: Timers): PendingTimer[] {
  return timers.executing.filter((t) => t.owner) as unknown as PendingTimer[];
}
