import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { Session } from '../auth/session.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { Definition } from '../procedures/definition.entity.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { DossierSequence } from '../dossiers/dossier-sequence.entity.js';
import { DossierEvent } from '../dossiers/dossier-event.entity.js';
import { ProcessInstance } from '../tasks/instance.entity.js';
import { Task } from '../tasks/task.entity.js';
import { TimerJob } from '../timers/timer-job.entity.js';
import { CalendarDay } from '../calendar/calendar-day.entity.js';
import { CalendarRevision } from '../calendar/calendar-revision.entity.js';
import { Notice } from '../notices/notice.entity.js';
import { NoticeTemplate } from '../notices/notice-template.entity.js';

export const entities = [Agency, User, Session, Procedure, Definition, Dossier, DossierSequence, DossierEvent, ProcessInstance, Task, TimerJob, CalendarDay, CalendarRevision, Notice, NoticeTemplate];
