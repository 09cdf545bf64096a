import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** One HTTP call as the gateway saw it. */
export interface GatewayRequest {
  at: number;
  key: string;
  /** Phone (SMS `to`, Zalo `phone`) or Zalo user id. */
  to: string;
  text: string;
  headers: IncomingMessage['headers'];
  body: Record<string, any>;
}

interface Rule { left: number; match: (r: GatewayRequest) => boolean; kind: 'fail' | 'hold' }

/**
 * A local SMS brand-name or Zalo ZNS gateway (node:http on 127.0.0.1) that behaves like a real one:
 * checks the credential, answers in the provider's shape, and treats a repeated request id /
 * tracking id / Idempotency-Key as the same message (answers with the first message id, delivers
 * nothing new). Tests can make it fail the next N matching calls (503) or accept one and never
 * answer (the sender dies before it learns the outcome).
 */
export class FakeGateway {
  readonly requests: GatewayRequest[] = [];
  /** What reached phones: one entry per distinct idempotency key. */
  readonly delivered = new Map<string, GatewayRequest & { messageId: string }>();
  private rules: Rule[] = [];
  private held: ServerResponse[] = [];
  private server!: Server;
  url = '';

  private constructor(readonly kind: 'sms' | 'zalo', readonly credential: string) {}

  static async start(kind: 'sms' | 'zalo', credential = `secret-${kind}`): Promise<FakeGateway> {
    const gateway = new FakeGateway(kind, credential);
    gateway.server = createServer((req, res) => void gateway.handle(req, res));
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
    gateway.url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/send`;
    return gateway;
  }

  /** The next `count` calls matching `match` fail with HTTP 503. */
  failNext(count: number, match: (r: GatewayRequest) => boolean = () => true): void {
    this.rules.push({ left: count, match, kind: 'fail' });
  }

  /** The next matching call is accepted (delivered) but never answered; resolves with it. */
  holdNext(match: (r: GatewayRequest) => boolean): Promise<GatewayRequest> {
    return new Promise((resolve) => {
      this.rules.push({ left: 1, kind: 'hold', match: (r) => (match(r) ? (resolve(r), true) : false) });
    });
  }

  to(phone: string): GatewayRequest[] {
    return this.requests.filter((r) => r.to === phone);
  }

  deliveredTo(phone: string) {
    return [...this.delivered.values()].filter((r) => r.to === phone);
  }

  async stop(): Promise<void> {
    this.held.forEach((res) => res.destroy());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const reply = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    const authorised = this.kind === 'sms' ? req.headers.authorization === `Bearer ${this.credential}` : req.headers.access_token === this.credential;
    if (!authorised) return reply(401, this.kind === 'sms' ? { error: 'unauthorised' } : { error: -124, message: 'Access token is invalid' });

    const request: GatewayRequest = {
      at: Date.now(), headers: req.headers, body,
      key: this.kind === 'sms' ? body.requestId : body.tracking_id,
      to: this.kind === 'sms' ? body.to : body.phone ?? body.user_id,
      text: this.kind === 'sms' ? body.text : body.template_data?.noi_dung,
    };
    this.requests.push(request);
    const rule = this.rules.find((r) => r.left > 0 && r.match(request));
    if (rule) rule.left--;
    if (rule?.kind === 'fail') return reply(503, this.kind === 'sms' ? { error: 'gateway busy' } : { error: -32, message: 'Server busy' });

    // Deduplicate on the idempotency key, as the provider does.
    let delivered = this.delivered.get(request.key);
    if (!delivered) {
      delivered = { ...request, messageId: `${this.kind}-${this.delivered.size + 1}` };
      this.delivered.set(request.key, delivered);
    }
    if (rule?.kind === 'hold') {
      this.held.push(res);
      return;
    }
    if (this.kind === 'sms') reply(200, { messageId: delivered.messageId, duplicate: delivered.at !== request.at });
    else reply(200, { error: 0, message: 'Success', data: { msg_id: delivered.messageId, sent_time: String(delivered.at) } });
  }
}

export interface ReceivedMail { at: number; envelopeTo: string[]; mail: ParsedMail }

interface MailRule { left: number; match: (m: ReceivedMail) => boolean; kind: 'fail' | 'hold' }

/**
 * A real SMTP server (smtp-server on 127.0.0.1, no TLS, no auth) that parses what it receives with
 * mailparser. `received` is every DATA transaction; `inbox` is the citizen's mailbox, which — like
 * Gmail and most mail stores — keeps one message per Message-ID.
 */
export class FakeSmtp {
  readonly received: ReceivedMail[] = [];
  readonly inbox = new Map<string, ReceivedMail>();
  private rules: MailRule[] = [];
  private server!: SMTPServer;
  port = 0;

  static async start(): Promise<FakeSmtp> {
    const smtp = new FakeSmtp();
    smtp.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 200,
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          const got: ReceivedMail = { at: Date.now(), envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail };
          smtp.received.push(got);
          const rule = smtp.rules.find((r) => r.left > 0 && r.match(got));
          if (rule) rule.left--;
          if (rule?.kind === 'fail') {
            return callback(Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 }));
          }
          if (!smtp.inbox.has(mail.messageId ?? '')) smtp.inbox.set(mail.messageId ?? `${got.at}`, got);
          if (rule?.kind === 'hold') return; // never answer the DATA: the sender cannot know it went through
          callback(null, `Message queued as Q${smtp.received.length}`);
        }, (err) => callback(err));
      },
    });
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', () => resolve()));
    smtp.port = (smtp.server.server.address() as AddressInfo).port;
    return smtp;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  failNext(count: number, match: (m: ReceivedMail) => boolean = () => true): void {
    this.rules.push({ left: count, match, kind: 'fail' });
  }

  holdNext(match: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
    return new Promise((resolve) => {
      this.rules.push({ left: 1, kind: 'hold', match: (m) => (match(m) ? (resolve(m), true) : false) });
    });
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelopeTo.includes(address));
  }

  inboxOf(address: string): ReceivedMail[] {
    return [...this.inbox.values()].filter((m) => m.envelopeTo.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls `check` until it returns a truthy value. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs = 10_000, everyMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
