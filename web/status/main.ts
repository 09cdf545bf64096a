// The citizens' status page: plain TypeScript and the DOM, no framework, so it loads fast on a phone.
// Only the contract's types are imported; nothing from the officers' app ends up in this bundle.
import type { PublicApplicantView, PublicDossierView, PublicStep } from '../../api/contract/dossiers.js';
import { formatDateTime } from './datetime.js';
import './status.css';

type Found = Extract<PublicDossierView, { found: true }>;

const BASE = '/tra-cuu';
const CODE = /^[0-9A-Z.]{1,40}-\d{6}-\d{4,6}$/;

/** Plain words for each national status code (the API's label is the headline; this says what it means for you). */
const EXPLAIN: Record<number, string> = {
  1: 'Hồ sơ đã được ghi nhận và đang chờ kiểm tra.',
  2: 'Hồ sơ đã được tiếp nhận và sẽ được chuyển đến bộ phận giải quyết.',
  3: 'Hồ sơ không được tiếp nhận. Vui lòng liên hệ nơi nộp hồ sơ để biết lý do.',
  4: 'Cơ quan có thẩm quyền đang giải quyết hồ sơ của bạn.',
  5: 'Hồ sơ cần bổ sung giấy tờ. Vui lòng liên hệ nơi nộp hồ sơ.',
  6: 'Hồ sơ đang chờ bạn nộp phí, lệ phí hoặc thuế.',
  7: 'Hồ sơ đã được rút theo đề nghị của người nộp.',
  8: 'Việc giải quyết hồ sơ đã dừng. Vui lòng liên hệ nơi nộp hồ sơ.',
  9: 'Đã có kết quả. Mời bạn đến nhận theo lịch hẹn.',
  10: 'Kết quả đã được trả cho người nộp.',
};

const TONE: Record<number, string> = { 3: 'stop', 5: 'wait', 6: 'wait', 7: 'stop', 8: 'stop', 9: 'done', 10: 'done' };

const form = document.getElementById('lookup') as HTMLFormElement;
const input = document.getElementById('code') as HTMLInputElement;
const error = document.getElementById('code-error') as HTMLParagraphElement;
const submit = form.querySelector('button') as HTMLButtonElement;
const result = document.getElementById('result') as HTMLDivElement;

/** Creates an element with attributes and children; text always goes in as text, never as HTML. */
function h(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string | null | false>): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

function showError(message: string | null) {
  error.textContent = message ?? '';
  error.hidden = !message;
  input.setAttribute('aria-invalid', message ? 'true' : 'false');
}

function busy(button: HTMLButtonElement, on: boolean, label: string) {
  button.disabled = on;
  button.textContent = on ? 'Đang tra cứu…' : label;
}

async function call<T>(path: string, init?: RequestInit): Promise<{ ok: true; body: T } | { ok: false; message: string }> {
  try {
    const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
    const body = await res.json().catch(() => null);
    if (res.ok && body) return { ok: true, body: body as T };
    return { ok: false, message: body?.error?.message ?? 'Lỗi hệ thống, vui lòng thử lại sau.' };
  } catch {
    return { ok: false, message: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.' };
  }
}

const codeFromPath = () => {
  const rest = location.pathname.startsWith(`${BASE}/`) ? location.pathname.slice(BASE.length + 1) : '';
  try {
    return decodeURIComponent(rest).trim().toUpperCase();
  } catch {
    return '';
  }
};

async function lookUp(code: string) {
  showError(null);
  if (!code) return showError('Vui lòng nhập mã hồ sơ.');
  if (!CODE.test(code)) return showError('Mã hồ sơ không đúng định dạng (ví dụ: 000.31.01.H99-260115-0001).');
  busy(submit, true, 'Tra cứu');
  const res = await call<PublicDossierView>(`/api/public/dossiers/${encodeURIComponent(code)}`);
  busy(submit, false, 'Tra cứu');
  result.replaceChildren();
  if (!res.ok) return showError(res.message);
  result.append(res.body.found ? dossier(res.body) : notFound(res.body.code));
  result.focus({ preventScroll: true });
  result.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function notFound(code: string) {
  return h('section', { class: 'card', 'data-test': 'status-not-found' },
    h('h2', {}, 'Không tìm thấy hồ sơ'),
    h('p', {}, 'Không có hồ sơ nào mang mã ', h('strong', { class: 'code' }, code), '.'),
    h('p', { class: 'muted' }, 'Vui lòng kiểm tra lại mã trên giấy tiếp nhận. Hồ sơ nộp trực tuyến có thể cần vài phút để xuất hiện.'));
}

function dossier(d: Found) {
  const tone = TONE[d.status.code] ?? 'busy';
  const late = !d.finishedAt && Date.parse(d.revisedAppointmentAt ?? d.appointmentAt) < Date.now();
  return h('div', { class: 'stack', 'data-test': 'status-result' },
    h('section', { class: `card status ${tone}` },
      h('p', { class: 'code' }, d.code),
      h('h2', { class: 'status-label', 'data-test': 'status-label' }, d.status.label),
      h('p', {}, EXPLAIN[d.status.code] ?? ''),
      appointment(d, late)),
    h('section', { class: 'card' },
      h('h3', {}, 'Thông tin hồ sơ'),
      h('dl', { class: 'facts' },
        ...fact('Thủ tục', d.procedureName, 'status-procedure'),
        ...fact('Nơi tiếp nhận', d.receivingAgency, 'status-receiving'),
        ...fact('Cơ quan giải quyết', d.handlingAgency, 'status-handling'),
        ...fact('Ngày tiếp nhận', formatDateTime(d.receivedAt), 'status-received'))),
    h('section', { class: 'card' },
      h('h3', {}, 'Quá trình giải quyết'),
      timeline(d)),
    verifyCard(d.code));
}

function appointment(d: Found, late: boolean) {
  const box = h('div', { class: 'appointment' });
  if (d.finishedAt) {
    box.append(h('span', {}, 'Hoàn thành'), h('strong', { 'data-test': 'status-finished' }, formatDateTime(d.finishedAt)));
    return box;
  }
  box.append(h('span', {}, 'Hẹn trả kết quả'));
  if (d.revisedAppointmentAt) {
    box.append(
      h('s', { class: 'muted', 'data-test': 'status-appointment' }, formatDateTime(d.appointmentAt)),
      h('strong', { 'data-test': 'status-revised-appointment' }, formatDateTime(d.revisedAppointmentAt)),
      h('small', {}, 'Hẹn lại theo thư xin lỗi của cơ quan giải quyết.'));
  } else {
    box.append(h('strong', { 'data-test': 'status-appointment' }, formatDateTime(d.appointmentAt)));
  }
  if (late) box.append(h('small', { class: 'late' }, 'Đã quá ngày hẹn trả kết quả.'));
  return box;
}

function fact(term: string, value: string, test: string) {
  return [h('dt', {}, term), h('dd', { 'data-test': test }, value)];
}

function timeline(d: Found) {
  const receipt: PublicStep = { name: 'Tiếp nhận hồ sơ', agency: d.receivingAgency, startedAt: d.receivedAt, finishedAt: d.receivedAt };
  const steps = [receipt, ...d.steps];
  return h('ol', { class: 'timeline' }, ...steps.map((s, i) => {
    const done = s.finishedAt !== null;
    return h('li', { class: done ? 'done' : 'now', 'data-test': i === 0 ? 'status-receipt-step' : 'status-step', 'data-state': done ? 'done' : 'open' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }, done ? '✓' : ''),
      h('div', {},
        h('p', { class: 'step-name' }, s.name),
        h('p', { class: 'muted' }, s.agency),
        h('p', { class: 'when' }, done
          ? (i === 0 ? formatDateTime(s.startedAt) : `Xong ${formatDateTime(s.finishedAt)}`)
          : `Đang thực hiện từ ${formatDateTime(s.startedAt)}`)));
  }));
}

function verifyCard(code: string) {
  const digits = h('input', {
    id: 'last4', name: 'last4', type: 'text', inputmode: 'numeric', autocomplete: 'off', maxlength: '4', pattern: '[0-9]{4}',
    placeholder: '_ _ _ _', 'aria-describedby': 'last4-hint', 'data-test': 'verify-input',
  }) as HTMLInputElement;
  const button = h('button', { type: 'submit', class: 'secondary', 'data-test': 'verify-submit' }, 'Xác minh') as HTMLButtonElement;
  const out = h('div', { 'aria-live': 'polite' });
  const verifyForm = h('form', { class: 'card', novalidate: '', 'data-test': 'verify-form' },
    h('h3', {}, 'Xem tên người nộp'),
    h('label', { for: 'last4', id: 'last4-hint' }, 'Nhập 4 số cuối số điện thoại hoặc số CCCD của người nộp hồ sơ'),
    h('div', { class: 'row' }, digits, button),
    out) as HTMLFormElement;
  verifyForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const last4 = digits.value.trim();
    out.replaceChildren();
    if (!/^\d{4}$/.test(last4)) {
      out.append(h('p', { class: 'error', role: 'alert' }, 'Vui lòng nhập đúng 4 chữ số.'));
      return;
    }
    busy(button, true, 'Xác minh');
    const res = await call<PublicApplicantView>(`/api/public/dossiers/${encodeURIComponent(code)}/verify`, { method: 'POST', body: JSON.stringify({ last4 }) });
    busy(button, false, 'Xác minh');
    if (!res.ok) {
      out.append(h('p', { class: 'error', role: 'alert', 'data-test': 'verify-error' }, res.message));
    } else if (res.body.verified && res.body.applicant) {
      digits.value = '';
      out.append(h('p', { class: 'applicant' }, 'Người nộp: ', h('strong', { 'data-test': 'applicant-name' }, res.body.applicant.maskedName)));
    } else {
      out.append(h('p', { class: 'error', role: 'alert', 'data-test': 'verify-error' }, 'Thông tin xác minh không khớp. Vui lòng kiểm tra lại.'));
    }
  });
  return verifyForm;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const code = input.value.trim().toUpperCase();
  input.value = code;
  if (CODE.test(code) && codeFromPath() !== code) history.pushState(null, '', `${BASE}/${encodeURIComponent(code)}`);
  void lookUp(code);
});

window.addEventListener('popstate', () => {
  input.value = codeFromPath();
  result.replaceChildren();
  if (input.value) void lookUp(input.value);
});

input.value = codeFromPath();
if (input.value) void lookUp(input.value);
else input.focus();
