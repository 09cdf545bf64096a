import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';
import { NOTICE_CHANNELS } from './notice.entity.js';

/**
 * The wording of one notice kind on one channel, with `{{placeholders}}` (see templates.ts).
 * Defaults are inserted at startup when missing and never overwrite an administrator's edit;
 * a channel is offered for a kind while its template is enabled (Zalo ships disabled).
 */
export const NoticeTemplate = defineEntity({
  name: 'NoticeTemplate',
  tableName: 'notice_template',
  properties: {
    kind: p.string().length(40).primary(),
    channel: p.enum([...NOTICE_CHANNELS]).primary(),
    /** E-mail only. */
    subject: p.text().nullable(),
    body: p.text(),
    enabled: p.boolean().default(true),
    updatedAt: p.datetime().defaultRaw('now()'),
    updatedBy: () => p.manyToOne(User).mapToPk().nullable(),
  },
});
export type NoticeTemplate = InferEntity<typeof NoticeTemplate>;
