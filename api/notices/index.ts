import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { NoticeConfig } from './config.js';
import { setNoticeLinkBase } from './enqueue.js';
import { seedNoticeTemplates } from './templates.js';
import { startNoticeWorker, type NoticeWorker } from './notice-worker.js';

/** Startup of the notice subsystem: link base, default templates, the delivery worker. */
export async function startNotices(options: { db: Database; config: NoticeConfig; clock: () => Date; log: Logger }): Promise<NoticeWorker> {
  setNoticeLinkBase(options.config.publicBaseUrl);
  await seedNoticeTemplates(options.db);
  return startNoticeWorker(options);
}
