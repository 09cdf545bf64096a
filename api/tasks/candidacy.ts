import type { User } from '../users/user.entity.js';
import type { Task } from './task.entity.js';

/** An officer may take a task of their own agency whose candidate groups include one of their roles. */
export const isCandidate = (user: User, task: Task) =>
  user.agency === task.agency && task.candidateGroups.some((g) => user.roles.includes(g));
