/**
 * The Government's yearly arrangements of days off for civil servants (cán bộ, công chức, viên
 * chức, người lao động of administrative and public-service agencies, political and
 * socio-political organisations) on the Monday–Friday week, 2022–2026.
 *
 * Each year lists **every** day that differs from the ordinary week: the Art. 112 holidays (also
 * those falling on a weekend), the make-up days of Art. 111(3), the weekdays given off by a swap
 * (hoán đổi) and the Saturdays worked in exchange. Each row names its legal basis.
 *
 * The Prime Minister's decision reaches agencies as an Official Letter of the Government Office
 * (Công văn …/VPCP-KGVX) and a notice of the ministry in charge of labour — the Ministry of
 * Labour, Invalids and Social Affairs (Bộ LĐTBXH) until 2025, the Ministry of Home Affairs (Bộ Nội
 * vụ) from 2026. A row cites the document(s) whose content was verified; fixed-date holidays cite
 * the Labour Code.
 *
 * Each date was checked against public reports of the documents (government portal, national
 * press); what was checked where, and what could not be verified, is listed in
 * engine/calendar/README.md. Rows that could not be verified were left out; agencies follow their
 * own province's instructions too and can add rows as admin days.
 *
 * Agencies that do not keep the fixed Saturday–Sunday weekly rest arrange their own days (each
 * notice says so); the calendar therefore uses these data only for the Monday–Friday week.
 */
import type { CalendarDay, ListedDayKind, OfficialYear } from './types.js';

const BLLD = 'BLLĐ 2019 (45/2019/QH14)';
const A112 = (point: string) => `${BLLD} Điều 112(1)(${point})`;
const A111 = `${BLLD} Điều 111(3)`;

function d(date: string, kind: ListedDayKind, name: string, source: string): CalendarDay {
  return { date, kind, name, source };
}

// ——— 2022 ———————————————————————————————————————————————————————————————
const CV_245_2022 = 'Công văn 245/VPCP-KGVX ngày 11/01/2022 (Phó Thủ tướng Vũ Đức Đam đồng ý đề xuất của Bộ LĐTBXH)';
const Y2022: OfficialYear = {
  year: 2022,
  notices: [
    { ref: '245/VPCP-KGVX', date: '2022-01-11', issuer: 'Văn phòng Chính phủ', subject: 'Nghỉ Tết Nguyên đán Nhâm Dần 31/01–04/02/2022 và Quốc khánh 01–02/9/2022' },
  ],
  days: [
    d('2022-01-01', 'holiday', 'Tết Dương lịch', A112('a')),
    d('2022-01-03', 'compensatory_day_off', 'Nghỉ bù Tết Dương lịch (01/01 là thứ Bảy)', A111),
    d('2022-01-31', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', `${A112('b')}; ${CV_245_2022}`),
    d('2022-02-01', 'holiday', 'Tết Nguyên đán (mùng 1)', `${A112('b')}; ${CV_245_2022}`),
    d('2022-02-02', 'holiday', 'Tết Nguyên đán (mùng 2)', `${A112('b')}; ${CV_245_2022}`),
    d('2022-02-03', 'holiday', 'Tết Nguyên đán (mùng 3)', `${A112('b')}; ${CV_245_2022}`),
    d('2022-02-04', 'holiday', 'Tết Nguyên đán (mùng 4)', `${A112('b')}; ${CV_245_2022}`),
    d('2022-04-10', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', A112('e')),
    d('2022-04-11', 'compensatory_day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/4 là Chủ nhật)', A111),
    d('2022-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', A112('c')),
    d('2022-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', A112('d')),
    d('2022-05-02', 'compensatory_day_off', 'Nghỉ bù Ngày Chiến thắng (30/4 là thứ Bảy)', A111),
    d('2022-05-03', 'compensatory_day_off', 'Nghỉ bù Ngày Quốc tế Lao động (1/5 là Chủ nhật)', A111),
    d('2022-09-01', 'holiday', 'Quốc khánh (ngày liền kề trước)', `${A112('đ')}; ${CV_245_2022}`),
    d('2022-09-02', 'holiday', 'Quốc khánh (2/9)', `${A112('đ')}; ${CV_245_2022}`),
  ],
};

// ——— 2023 ———————————————————————————————————————————————————————————————
const CV_8056_2022 = 'Công văn 8056/VPCP-KGVX ngày 01/12/2022 (nghỉ Tết 20–26/01/2023 và Quốc khánh 01–04/9/2023)';
const Y2023: OfficialYear = {
  year: 2023,
  notices: [
    { ref: '8056/VPCP-KGVX', date: '2022-12-01', issuer: 'Văn phòng Chính phủ', subject: 'Nghỉ Tết Quý Mão 20/01–26/01/2023 (5 ngày Tết, 2 ngày nghỉ bù) và Quốc khánh 01/9–04/9/2023' },
  ],
  days: [
    d('2023-01-01', 'holiday', 'Tết Dương lịch', A112('a')),
    d('2023-01-02', 'compensatory_day_off', 'Nghỉ bù Tết Dương lịch (01/01 là Chủ nhật)', A111),
    d('2023-01-20', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', `${A112('b')}; ${CV_8056_2022}`),
    d('2023-01-21', 'holiday', 'Tết Nguyên đán (30 tháng Chạp)', `${A112('b')}; ${CV_8056_2022}`),
    d('2023-01-22', 'holiday', 'Tết Nguyên đán (mùng 1)', `${A112('b')}; ${CV_8056_2022}`),
    d('2023-01-23', 'holiday', 'Tết Nguyên đán (mùng 2)', `${A112('b')}; ${CV_8056_2022}`),
    d('2023-01-24', 'holiday', 'Tết Nguyên đán (mùng 3)', `${A112('b')}; ${CV_8056_2022}`),
    d('2023-01-25', 'compensatory_day_off', 'Nghỉ bù Tết Nguyên đán (30 tháng Chạp là thứ Bảy)', `${A111}; ${CV_8056_2022}`),
    d('2023-01-26', 'compensatory_day_off', 'Nghỉ bù Tết Nguyên đán (mùng 1 là Chủ nhật)', `${A111}; ${CV_8056_2022}`),
    d('2023-04-29', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', A112('e')),
    d('2023-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', A112('c')),
    d('2023-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', A112('d')),
    d('2023-05-02', 'compensatory_day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (29/4 là thứ Bảy)', A111),
    d('2023-05-03', 'compensatory_day_off', 'Nghỉ bù Ngày Chiến thắng (30/4 là Chủ nhật)', A111),
    d('2023-09-01', 'holiday', 'Quốc khánh (ngày liền kề trước)', `${A112('đ')}; ${CV_8056_2022}`),
    d('2023-09-02', 'holiday', 'Quốc khánh (2/9)', `${A112('đ')}; ${CV_8056_2022}`),
    d('2023-09-04', 'compensatory_day_off', 'Nghỉ bù Quốc khánh (2/9 là thứ Bảy)', `${A111}; ${CV_8056_2022}`),
  ],
};

// ——— 2024 ———————————————————————————————————————————————————————————————
const TB_5015_2023 = 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ LĐTBXH';
const CV_2450_2024 = 'Công văn 2450/VPCP-KGVX ngày 12/04/2024 (Thủ tướng đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2024)';
const Y2024: OfficialYear = {
  year: 2024,
  notices: [
    { ref: '5015/TB-LĐTBXH', date: '2023-11-22', issuer: 'Bộ Lao động – Thương binh và Xã hội', subject: 'Nghỉ Tết Giáp Thìn 08/02–14/02/2024 (5 ngày Tết, 2 ngày nghỉ bù) và Quốc khánh 31/8–03/9/2024' },
    { ref: '2450/VPCP-KGVX', date: '2024-04-12', issuer: 'Văn phòng Chính phủ', subject: 'Hoán đổi thứ Hai 29/4/2024 sang thứ Bảy 04/5/2024; nghỉ 27/4–01/5/2024' },
  ],
  days: [
    d('2024-01-01', 'holiday', 'Tết Dương lịch', A112('a')),
    d('2024-02-08', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', `${A112('b')}; ${TB_5015_2023}`),
    d('2024-02-09', 'holiday', 'Tết Nguyên đán (30 tháng Chạp)', `${A112('b')}; ${TB_5015_2023}`),
    d('2024-02-10', 'holiday', 'Tết Nguyên đán (mùng 1)', `${A112('b')}; ${TB_5015_2023}`),
    d('2024-02-11', 'holiday', 'Tết Nguyên đán (mùng 2)', `${A112('b')}; ${TB_5015_2023}`),
    d('2024-02-12', 'holiday', 'Tết Nguyên đán (mùng 3)', `${A112('b')}; ${TB_5015_2023}`),
    d('2024-02-13', 'compensatory_day_off', 'Nghỉ bù Tết Nguyên đán (mùng 1 là thứ Bảy)', `${A111}; ${TB_5015_2023}`),
    d('2024-02-14', 'compensatory_day_off', 'Nghỉ bù Tết Nguyên đán (mùng 2 là Chủ nhật)', `${A111}; ${TB_5015_2023}`),
    d('2024-04-18', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', A112('e')),
    d('2024-04-29', 'day_off', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 04/5/2024)', CV_2450_2024),
    d('2024-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', A112('c')),
    d('2024-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', A112('d')),
    d('2024-05-04', 'saturday_worked', 'Làm bù cho thứ Hai 29/4/2024', CV_2450_2024),
    d('2024-09-02', 'holiday', 'Quốc khánh (2/9)', `${A112('đ')}; ${TB_5015_2023}`),
    d('2024-09-03', 'holiday', 'Quốc khánh (ngày liền kề sau)', `${A112('đ')}; ${TB_5015_2023}`),
  ],
};

// ——— 2025 ———————————————————————————————————————————————————————————————
const CV_8726_2024 = 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024 của Bộ LĐTBXH';
const Y2025: OfficialYear = {
  year: 2025,
  notices: [
    { ref: '8726/VPCP-KGVX', date: '2024-11-26', issuer: 'Văn phòng Chính phủ', subject: 'Ý kiến Thủ tướng về nghỉ Tết Ất Tỵ, Quốc khánh, 30/4–1/5 năm 2025' },
    { ref: '6150/TB-BLĐTBXH', date: '2024', issuer: 'Bộ Lao động – Thương binh và Xã hội', subject: 'Nghỉ Tết 25/01–02/02/2025; 30/4–04/5/2025 (hoán đổi thứ Sáu 02/5 sang thứ Bảy 26/4); Quốc khánh 30/8–02/9/2025' },
  ],
  days: [
    d('2025-01-01', 'holiday', 'Tết Dương lịch', A112('a')),
    d('2025-01-27', 'holiday', 'Tết Nguyên đán (28 tháng Chạp)', `${A112('b')}; ${CV_8726_2024}`),
    d('2025-01-28', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', `${A112('b')}; ${CV_8726_2024}`),
    d('2025-01-29', 'holiday', 'Tết Nguyên đán (mùng 1)', `${A112('b')}; ${CV_8726_2024}`),
    d('2025-01-30', 'holiday', 'Tết Nguyên đán (mùng 2)', `${A112('b')}; ${CV_8726_2024}`),
    d('2025-01-31', 'holiday', 'Tết Nguyên đán (mùng 3)', `${A112('b')}; ${CV_8726_2024}`),
    d('2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', A112('e')),
    d('2025-04-26', 'saturday_worked', 'Làm bù cho thứ Sáu 02/5/2025', CV_8726_2024),
    d('2025-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', A112('c')),
    d('2025-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', A112('d')),
    d('2025-05-02', 'day_off', 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)', CV_8726_2024),
    d('2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề trước)', `${A112('đ')}; ${CV_8726_2024}`),
    d('2025-09-02', 'holiday', 'Quốc khánh (2/9)', `${A112('đ')}; ${CV_8726_2024}`),
  ],
};

// ——— 2026 ———————————————————————————————————————————————————————————————
const CV_12729_2025 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi thứ Sáu 02/01/2026 sang thứ Bảy 10/01/2026)';
const TB_9441_2025 = 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ';
const Y2026: OfficialYear = {
  year: 2026,
  notices: [
    { ref: '9441/TB-BNV', date: '2025-10-16', issuer: 'Bộ Nội vụ', subject: 'Nghỉ Tết Bính Ngọ 14/02–22/02/2026 (Tết 16–20/02); Quốc khánh 29/8–02/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026' },
    { ref: '12729/VPCP-KGVX', date: '2025-12-25', issuer: 'Văn phòng Chính phủ', subject: 'Nghỉ Tết Dương lịch 01/01–04/01/2026, hoán đổi thứ Sáu 02/01 sang thứ Bảy 10/01/2026' },
  ],
  days: [
    d('2026-01-01', 'holiday', 'Tết Dương lịch', A112('a')),
    d('2026-01-02', 'day_off', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', CV_12729_2025),
    d('2026-01-10', 'saturday_worked', 'Làm bù cho thứ Sáu 02/01/2026', CV_12729_2025),
    d('2026-02-16', 'holiday', 'Tết Nguyên đán (29 tháng Chạp)', `${A112('b')}; ${TB_9441_2025}`),
    d('2026-02-17', 'holiday', 'Tết Nguyên đán (mùng 1)', `${A112('b')}; ${TB_9441_2025}`),
    d('2026-02-18', 'holiday', 'Tết Nguyên đán (mùng 2)', `${A112('b')}; ${TB_9441_2025}`),
    d('2026-02-19', 'holiday', 'Tết Nguyên đán (mùng 3)', `${A112('b')}; ${TB_9441_2025}`),
    d('2026-02-20', 'holiday', 'Tết Nguyên đán (mùng 4)', `${A112('b')}; ${TB_9441_2025}`),
    d('2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', A112('e')),
    d('2026-04-27', 'compensatory_day_off', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)', A111),
    d('2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)', A112('c')),
    d('2026-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)', A112('d')),
    d('2026-08-22', 'saturday_worked', 'Làm bù cho thứ Hai 31/8/2026', TB_9441_2025),
    d('2026-08-31', 'day_off', 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)', TB_9441_2025),
    d('2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề trước)', `${A112('đ')}; ${TB_9441_2025}`),
    d('2026-09-02', 'holiday', 'Quốc khánh (2/9)', `${A112('đ')}; ${TB_9441_2025}`),
    d('2026-11-24', 'holiday', 'Ngày Văn hóa Việt Nam (24/11)', 'Nghị quyết 28/2026/QH16 Điều 2 (hiệu lực 01/7/2026); chủ trương tại Nghị quyết 80-NQ/TW ngày 07/01/2026 của Bộ Chính trị'),
  ],
};

/** Official years, oldest first. Frozen: treat as read-only seed data. */
export const OFFICIAL_YEARS: readonly OfficialYear[] = Object.freeze([Y2022, Y2023, Y2024, Y2025, Y2026]);
