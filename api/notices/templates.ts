import type { Sql } from '../db/database.js';
import type { NoticeChannel } from './notice.entity.js';

/** What a notice announces. */
export const NOTICE_KINDS = ['received', 'result_returned', 'refused', 'finished_early'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The placeholders a template may use, with what they hold (shown to administrators editing templates). */
export const PLACEHOLDERS = {
  ho_ten: 'Họ tên người nộp hồ sơ',
  ma_ho_so: 'Mã hồ sơ',
  thu_tuc: 'Tên thủ tục hành chính',
  co_quan_tiep_nhan: 'Cơ quan tiếp nhận (nơi trả kết quả)',
  co_quan_giai_quyet: 'Cơ quan giải quyết',
  ngay_tiep_nhan: 'Thời điểm tiếp nhận, ví dụ 09:15 ngày 10/03/2026',
  ngay_hen_tra: 'Thời điểm hẹn trả kết quả',
  ngay_co_ket_qua: 'Thời điểm có kết quả (hồ sơ giải quyết xong)',
  ngay_tra: 'Thời điểm trả kết quả',
  ly_do: 'Lý do từ chối (ý kiến của bước quyết định)',
  link_tra_cuu: 'Đường dẫn tra cứu tình trạng hồ sơ',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type NoticeParams = Partial<Record<Placeholder, string>>;

export interface TemplateText { subject: string | null; body: string; enabled: boolean }

const FOOTER = '\n\nĐây là thư tự động của Hệ thống thông tin giải quyết thủ tục hành chính (Bộ phận Một cửa). Vui lòng không trả lời thư này.';

/**
 * The shipped wording. Seeded into `notice_template` (see `seedNoticeTemplates`) where
 * administrators edit it; also the fallback if a row is missing. SMS and Zalo leave out the
 * procedure name (some run to 300 characters) to keep the SMS to a few parts.
 */
export const DEFAULT_TEMPLATES: Record<NoticeKind, Record<NoticeChannel, TemplateText>> = {
  received: {
    email: {
      subject: 'Tiếp nhận hồ sơ {{ma_ho_so}}',
      body: 'Kính gửi Ông/Bà {{ho_ten}},\n\n{{co_quan_tiep_nhan}} đã tiếp nhận hồ sơ của Ông/Bà:\n'
        + '- Mã hồ sơ: {{ma_ho_so}}\n- Thủ tục: {{thu_tuc}}\n- Thời điểm tiếp nhận: {{ngay_tiep_nhan}}\n- Hẹn trả kết quả: {{ngay_hen_tra}}\n\n'
        + 'Ông/Bà có thể tra cứu tình trạng giải quyết hồ sơ tại: {{link_tra_cuu}}' + FOOTER,
      enabled: true,
    },
    sms: { subject: null, body: 'Hồ sơ {{ma_ho_so}} đã được tiếp nhận, hẹn trả kết quả {{ngay_hen_tra}}. Tra cứu: {{link_tra_cuu}}', enabled: true },
    zalo: { subject: null, body: '{{co_quan_tiep_nhan}} đã tiếp nhận hồ sơ {{ma_ho_so}} của Ông/Bà {{ho_ten}}. Hẹn trả kết quả: {{ngay_hen_tra}}. Tra cứu: {{link_tra_cuu}}', enabled: false },
  },
  result_returned: {
    email: {
      subject: 'Hồ sơ {{ma_ho_so}} đã được trả kết quả',
      body: 'Kính gửi Ông/Bà {{ho_ten}},\n\nHồ sơ {{ma_ho_so}} ({{thu_tuc}}) đã được giải quyết xong và trả kết quả lúc {{ngay_tra}}.\n\n'
        + 'Thông tin quá trình giải quyết: {{link_tra_cuu}}' + FOOTER,
      enabled: true,
    },
    sms: { subject: null, body: 'Hồ sơ {{ma_ho_so}} đã được giải quyết xong và trả kết quả lúc {{ngay_tra}}. Tra cứu: {{link_tra_cuu}}', enabled: true },
    zalo: { subject: null, body: 'Hồ sơ {{ma_ho_so}} của Ông/Bà {{ho_ten}} đã được giải quyết xong và trả kết quả lúc {{ngay_tra}}. Tra cứu: {{link_tra_cuu}}', enabled: false },
  },
  refused: {
    email: {
      subject: 'Thông báo từ chối giải quyết hồ sơ {{ma_ho_so}}',
      body: 'Kính gửi Ông/Bà {{ho_ten}},\n\n{{co_quan_giai_quyet}} thông báo hồ sơ {{ma_ho_so}} ({{thu_tuc}}) không được giải quyết.\n'
        + 'Lý do: {{ly_do}}\n\nThông báo từ chối được trả tại {{co_quan_tiep_nhan}}. Thông tin hồ sơ: {{link_tra_cuu}}' + FOOTER,
      enabled: true,
    },
    sms: { subject: null, body: 'Hồ sơ {{ma_ho_so}} không được giải quyết. Lý do: {{ly_do}}. Tra cứu: {{link_tra_cuu}}', enabled: true },
    zalo: { subject: null, body: 'Hồ sơ {{ma_ho_so}} của Ông/Bà {{ho_ten}} không được giải quyết. Lý do: {{ly_do}}. Tra cứu: {{link_tra_cuu}}', enabled: false },
  },
  finished_early: {
    email: {
      subject: 'Hồ sơ {{ma_ho_so}} đã có kết quả trước hẹn',
      body: 'Kính gửi Ông/Bà {{ho_ten}},\n\nHồ sơ {{ma_ho_so}} ({{thu_tuc}}) đã có kết quả lúc {{ngay_co_ket_qua}}, trước thời điểm hẹn trả {{ngay_hen_tra}}.\n'
        + 'Mời Ông/Bà đến {{co_quan_tiep_nhan}} nhận kết quả, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.\n\n'
        + 'Tra cứu tình trạng hồ sơ: {{link_tra_cuu}}' + FOOTER,
      enabled: true,
    },
    sms: { subject: null, body: 'Hồ sơ {{ma_ho_so}} đã có kết quả trước hẹn. Mời Ông/Bà đến {{co_quan_tiep_nhan}} nhận kết quả. Tra cứu: {{link_tra_cuu}}', enabled: true },
    zalo: { subject: null, body: 'Hồ sơ {{ma_ho_so}} của Ông/Bà {{ho_ten}} đã có kết quả trước hẹn. Mời Ông/Bà đến {{co_quan_tiep_nhan}} nhận kết quả. Tra cứu: {{link_tra_cuu}}', enabled: false },
  },
};

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/**
 * Fills `{{placeholder}}`s. Never throws (it runs inside the officer's transaction): a name that
 * is not a placeholder stays as written, so a typo shows in the message instead of failing the action.
 */
export function render(text: string, params: NoticeParams): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in PLACEHOLDERS ? params[name as Placeholder] ?? '' : whole));
}

/** Names in a template that are not placeholders: for the template editor to refuse. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((n) => !(n in PLACEHOLDERS));
}

/** Inserts the shipped templates that are missing; an administrator's edit is never overwritten. Safe on many nodes at once. */
export async function seedNoticeTemplates(db: Sql): Promise<void> {
  const rows = NOTICE_KINDS.flatMap((kind) => (Object.entries(DEFAULT_TEMPLATES[kind]) as Array<[NoticeChannel, TemplateText]>)
    .map(([channel, t]) => ({ kind, channel, ...t })));
  await db.query(
    `insert into notice_template (kind, channel, subject, body, enabled)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[])
     on conflict (kind, channel) do nothing`,
    [rows.map((r) => r.kind), rows.map((r) => r.channel), rows.map((r) => r.subject), rows.map((r) => r.body), rows.map((r) => r.enabled)]);
}

/** The templates of some kinds, as stored (falling back to the shipped default when a row is missing). */
export async function loadTemplates(tx: Sql, kinds: NoticeKind[]): Promise<Map<string, TemplateText>> {
  const rows = await tx.query<{ kind: NoticeKind; channel: NoticeChannel } & TemplateText>(
    'select kind, channel, subject, body, enabled from notice_template where kind = any($1::text[])', [kinds]);
  const map = new Map<string, TemplateText>();
  for (const kind of kinds) {
    for (const [channel, t] of Object.entries(DEFAULT_TEMPLATES[kind])) map.set(`${kind}:${channel}`, t);
  }
  for (const r of rows) map.set(`${r.kind}:${r.channel}`, { subject: r.subject, body: r.body, enabled: r.enabled });
  return map;
}
