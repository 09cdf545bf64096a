import type { Officer } from '../auth/officer.js';
import type { TaskRow } from './task-row.js';

/** An officer may take a task of their own agency whose candidate groups include one of their roles. */
export const isCandidate = (user: Officer, task: Pick<TaskRow, 'agency' | 'candidateGroups'>) =>
  user.agency === task.agency && task.candidateGroups.some((g) => (user.roles as string[]).includes(g));
