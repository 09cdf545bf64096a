import { isIPv4, isIPv6 } from 'node:net';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/errors.js';

/**
 * Rate limits of the public look-up, shared by every node through one PostgreSQL table.
 *
 * | limiter       | counts                                   | default        | env (`points/seconds`)      |
 * |---------------|------------------------------------------|----------------|-----------------------------|
 * | `lookup-ip`   | every public request from one client IP  | 30 per minute  | `PUBLIC_LIMIT_LOOKUP_IP`    |
 * | `lookup-code` | every public request for one code        | 60 per minute  | `PUBLIC_LIMIT_LOOKUP_CODE`  |
 * | `verify-ip`   | wrong last-4 proofs from one client IP   | 10 per hour    | `PUBLIC_LIMIT_VERIFY_IP`    |
 * | `verify-code` | wrong last-4 proofs for one code         | 5 per 24 hours | `PUBLIC_LIMIT_VERIFY_CODE`  |
 *
 * Unknown codes are counted exactly like known ones, so a 429 tells nothing about a code either.
 * The verify limits make guessing the 4 digits (2 right answers in 10 000) hopeless: 5 tries a day
 * per code whatever the number of IPs.
 */
export interface PublicLimits {
  lookupIp: Limit;
  lookupCode: Limit;
  verifyIp: Limit;
  verifyCode: Limit;
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: use the socket address). */
  trustedProxyHops: number;
  tableName: string;
}

export interface Limit { points: number; seconds: number }

export const RATE_LIMIT_TABLE = 'public_rate_limit';

export function loadPublicLimits(env: NodeJS.ProcessEnv = process.env): PublicLimits {
  return {
    lookupIp: limit(env.PUBLIC_LIMIT_LOOKUP_IP, { points: 30, seconds: 60 }, 'PUBLIC_LIMIT_LOOKUP_IP'),
    lookupCode: limit(env.PUBLIC_LIMIT_LOOKUP_CODE, { points: 60, seconds: 60 }, 'PUBLIC_LIMIT_LOOKUP_CODE'),
    verifyIp: limit(env.PUBLIC_LIMIT_VERIFY_IP, { points: 10, seconds: 3600 }, 'PUBLIC_LIMIT_VERIFY_IP'),
    verifyCode: limit(env.PUBLIC_LIMIT_VERIFY_CODE, { points: 5, seconds: 24 * 3600 }, 'PUBLIC_LIMIT_VERIFY_CODE'),
    trustedProxyHops: Number(env.PUBLIC_TRUSTED_PROXY_HOPS ?? 1),
    tableName: env.PUBLIC_RATE_LIMIT_TABLE || RATE_LIMIT_TABLE,
  };
}

function limit(value: string | undefined, fallback: Limit, name: string): Limit {
  if (!value) return fallback;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`${name} must look like "points/seconds", got "${value}"`);
  return { points: Number(m[1]), seconds: Number(m[2]) };
}

/** The limiters of one process, over one pool. */
export class PublicRateLimits {
  private constructor(
    private readonly lookupIp: RateLimiterPostgres,
    private readonly lookupCode: RateLimiterPostgres,
    private readonly verifyIp: RateLimiterPostgres,
    private readonly verifyCode: RateLimiterPostgres,
    readonly settings: PublicLimits,
  ) {}

  /**
   * Creates the table (once, whichever node comes first: `create table if not exists` under a
   * transaction-scoped advisory lock, since concurrent `create table if not exists` can still collide
   * in PostgreSQL's catalogue), then the limiters with `tableCreated: true` so none of them races
   * its own creation. The schema is the one rate-limiter-flexible expects.
   */
  static async create(db: Database, settings: PublicLimits = loadPublicLimits()): Promise<PublicRateLimits> {
    const table = settings.tableName;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new Error(`bad rate-limit table name ${table}`);
    await db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('motcua:' || $1))`, [table]);
      await tx.query(`create table if not exists "${table}" (key varchar(255) primary key, points integer not null default 0, expire bigint)`);
    });
    const make = (keyPrefix: string, l: Limit, extra: { blockSeconds?: number; clearExpired?: boolean } = {}) =>
      new RateLimiterPostgres({
        storeClient: db.pool as pg.Pool,
        storeType: 'pool',
        tableName: table,
        tableCreated: true,
        // One sweeper per process is enough: they all share the table.
        clearExpiredByTimeout: extra.clearExpired ?? false,
        keyPrefix,
        points: l.points,
        duration: l.seconds,
        blockDuration: extra.blockSeconds ?? 0,
      });
    return new PublicRateLimits(
      make('lookup-ip', settings.lookupIp, { clearExpired: true }),
      make('lookup-code', settings.lookupCode),
      make('verify-ip', settings.verifyIp, { blockSeconds: settings.verifyIp.seconds }),
      make('verify-code', settings.verifyCode, { blockSeconds: settings.verifyCode.seconds }),
      settings,
    );
  }

  /** Counts one public request; throws 429 (with Retry-After set) past either limit. */
  async lookup(ip: string, code: string, setHeader: (name: string, value: string) => void): Promise<void> {
    await settle([this.lookupIp.consume(ip), this.lookupCode.consume(code)], setHeader);
  }

  /**
   * Counts a proof attempt before it is compared, atomically in the shared table, so parallel
   * guesses cannot slip through together; throws 429 past the IP's or the code's allowance.
   * A wrong proof and an unknown code cost the same; a right proof gives its point back (`verified`).
   */
  async beginVerify(ip: string, code: string, setHeader: (name: string, value: string) => void): Promise<void> {
    await settle([this.verifyIp.consume(ip), this.verifyCode.consume(code)], setHeader);
  }

  /** The proof matched: it does not count against anyone. */
  async verified(ip: string, code: string): Promise<void> {
    await Promise.all([this.verifyIp.reward(ip), this.verifyCode.reward(code)]);
  }
}

async function settle(consumes: Promise<RateLimiterRes>[], setHeader: (name: string, value: string) => void) {
  const results = await Promise.allSettled(consumes);
  let wait = -1;
  for (const r of results) {
    if (r.status === 'fulfilled') continue;
    if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
    wait = Math.max(wait, r.reason.msBeforeNext);
  }
  if (wait >= 0) throw tooMany(wait, setHeader);
}

function tooMany(msBeforeNext: number, setHeader: (name: string, value: string) => void): HttpError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  setHeader('Retry-After', String(seconds));
  const wait = seconds < 60 ? `${seconds} giây` : seconds < 3600 ? `${Math.ceil(seconds / 60)} phút` : `${Math.ceil(seconds / 3600)} giờ`;
  return new HttpError(429, 'RATE_LIMITED', `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${wait}.`, `Public look-up rate limit, retry after ${seconds}s`);
}

const perPool = new WeakMap<object, Promise<PublicRateLimits>>();

/** The limiters for this database, created on first use; a failed creation is retried next time. */
export function publicRateLimits(db: Database): Promise<PublicRateLimits> {
  let limits = perPool.get(db.pool);
  if (!limits) {
    limits = PublicRateLimits.create(db);
    perPool.set(db.pool, limits);
    limits.catch(() => perPool.delete(db.pool));
  }
  return limits;
}

/**
 * The client address the limits count, not spoofable by the client: with `hops` reverse proxies in
 * front, each appending the address it saw to X-Forwarded-For, the client is the `hops`-th entry
 * from the right (Koa's own `ctx.ip` takes the leftmost, which the client writes). IPv4-mapped
 * addresses are unwrapped; IPv6 counts per /64, the block one subscriber gets.
 */
export function clientKey(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string {
  const chain = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const raw = hops > 0 && chain.length > 0 ? chain[Math.max(0, chain.length - hops)] : socketAddress ?? 'unknown';
  return normaliseIp(raw);
}

function normaliseIp(raw: string): string {
  let ip = raw.trim();
  if (ip.startsWith('[')) ip = ip.slice(1, ip.indexOf(']') > 0 ? ip.indexOf(']') : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
  return ip.slice(0, 100) || 'unknown';
}

function expandIPv6(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const fill = ip.includes('::') ? Array(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right].map((h) => h.toLowerCase().replace(/^0+(?=.)/, ''));
}
