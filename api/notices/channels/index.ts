import type { NoticeConfig } from '../config.js';
import type { NoticeChannel } from '../notice.entity.js';
import type { NoticeSender } from './types.js';
import { SmtpEmailChannel } from './email.js';
import { HttpSmsGateway } from './sms.js';
import { ZaloOaChannel } from './zalo.js';

export type Senders = Map<NoticeChannel, NoticeSender>;

/** The channels this process can send on, from its configuration. */
export function createSenders(config: NoticeConfig): Senders {
  const senders: Senders = new Map();
  if (config.email) senders.set('email', new SmtpEmailChannel(config.email, config.sendTimeoutMs));
  if (config.sms) senders.set('sms', new HttpSmsGateway(config.sms, config.sendTimeoutMs));
  if (config.zalo) senders.set('zalo', new ZaloOaChannel(config.zalo, config.sendTimeoutMs));
  return senders;
}

export { ChannelError, type NoticeSender, type OutgoingNotice, type SendResult } from './types.js';
