import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSms, smsEncoding, stripDiacritics } from '../../api/notices/channels/sms-text.js';
import { HttpSmsGateway } from '../../api/notices/channels/sms.js';
import { ZaloOaChannel } from '../../api/notices/channels/zalo.js';
import { SmtpEmailChannel } from '../../api/notices/channels/email.js';
import { ChannelError, type OutgoingNotice } from '../../api/notices/channels/types.js';
import { DEFAULT_TEMPLATES, NOTICE_KINDS, render, unknownPlaceholders } from '../../api/notices/templates.js';
import { retryDelay } from '../../api/notices/notice-worker.js';
import { loadNoticeConfig } from '../../api/notices/config.js';
import { FakeGateway, FakeSmtp } from '../support/fake-gateways.js';

const notice = (over: Partial<OutgoingNotice> = {}): OutgoingNotice => ({
  id: 1, key: '000.31.01.H99-260310-0001:received:sms', channel: 'sms', recipient: '0912345678', subject: null,
  body: 'Hồ sơ 000.31.01.H99-260310-0001 đã được tiếp nhận', params: { ma_ho_so: '000.31.01.H99-260310-0001' }, eventAt: new Date('2026-03-10T02:15:00Z'),
  ...over,
});

describe('SMS text: encoding and parts', () => {
  it('GSM-7: 160 septets in one part, 153 per part after that', () => {
    expect(countSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSms('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSms('a'.repeat(306)).segments).toBe(2);
    expect(countSms('a'.repeat(307)).segments).toBe(3);
    expect(countSms('').segments).toBe(0);
  });

  it('GSM-7 extension characters take two septets and are not split across parts', () => {
    expect(countSms('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    // 81 × 2 = 162 septets: 76 pairs (152) fit the first part, the 77th would straddle → 2 parts.
    expect(countSms('€'.repeat(81))).toEqual({ encoding: 'GSM-7', units: 162, segments: 2 });
    expect(countSms(`${'a'.repeat(158)}{`)).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    // 306 septets would be 2 × 153, but the escape pair cannot straddle parts: 152 | 2 + 152 → 3 parts.
    expect(countSms(`${'a'.repeat(152)}{${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('Vietnamese with diacritics is UCS-2: 70 in one part, 67 per part after that', () => {
    expect(smsEncoding('Hồ sơ đã được tiếp nhận')).toBe('UCS-2');
    expect(smsEncoding('Chè, café, à la')).toBe('GSM-7'); // è é à are in the GSM basic table
    expect(countSms('ồ'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSms('ồ'.repeat(71)).segments).toBe(2);
    expect(countSms('ồ'.repeat(134)).segments).toBe(2);
    expect(countSms('ồ'.repeat(135)).segments).toBe(3);
    // A surrogate pair is two units and stays whole: 36 emoji = 72 units, 33 per part.
    expect(countSms('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSms('😀'.repeat(36)).segments).toBe(2);
    expect(countSms('😀'.repeat(67)).segments).toBe(3); // 134 units but 33 pairs per part
  });

  it('strips Vietnamese diacritics and typographic punctuation into plain GSM-7', () => {
    expect(stripDiacritics('Hồ sơ đã được tiếp nhận. Đăng ký “hộ kinh doanh” – xong…'))
      .toBe('Ho so da duoc tiep nhan. Dang ky "ho kinh doanh" - xong...');
    expect(stripDiacritics('ăâđêôơư ĂÂĐÊÔƠƯ àảãáạ ằẳẵắặ ầẩẫấậ ỳỷỹýỵ ừửữứự')).toBe('aadeoou AADEOOU aaaaa aaaaa aaaaa yyyyy uuuuu');
    const receipt = render(DEFAULT_TEMPLATES.received.sms.body, {
      ma_ho_so: '000.31.01.H99-260310-0001', ngay_hen_tra: '17:00 ngày 13/03/2026', link_tra_cuu: 'https://dichvucong.ankhanh.gov.vn/tra-cuu/000.31.01.H99-260310-0001',
    });
    // The receipt SMS: 166 characters, 3 UCS-2 parts with diacritics, 2 GSM-7 parts without.
    expect(countSms(receipt)).toEqual({ encoding: 'UCS-2', units: 166, segments: 3 });
    expect(countSms(stripDiacritics(receipt))).toEqual({ encoding: 'GSM-7', units: 166, segments: 2 });
  });
});

describe('templates', () => {
  it('every kind has Vietnamese wording on every channel, with known placeholders only', () => {
    for (const kind of NOTICE_KINDS) {
      for (const [channel, t] of Object.entries(DEFAULT_TEMPLATES[kind])) {
        expect(unknownPlaceholders(t.body), `${kind}/${channel}`).toEqual([]);
        expect(t.body).toContain('{{ma_ho_so}}');
        expect(t.body).toContain('{{link_tra_cuu}}');
        if (channel === 'email') expect(t.subject).toContain('{{ma_ho_so}}');
      }
    }
    expect(DEFAULT_TEMPLATES.refused.sms.body).toContain('{{ly_do}}');
    expect(DEFAULT_TEMPLATES.received.email.body).toContain('{{ngay_hen_tra}}');
  });

  it('renders placeholders; a misspelt one stays visible instead of failing the officer’s action', () => {
    expect(render('Hồ sơ {{ma_ho_so}} / {{ ho_ten }} / {{ma_hoso}} / {{ly_do}}', { ma_ho_so: 'X-1', ho_ten: 'Lê Thị Hoa' }))
      .toBe('Hồ sơ X-1 / Lê Thị Hoa / {{ma_hoso}} / ');
    expect(unknownPlaceholders('{{ma_hoso}} {{ho_ten}}')).toEqual(['ma_hoso']);
  });
});

describe('retry schedule', () => {
  it('doubles from the base, capped, with equal jitter (half fixed, half random)', () => {
    const cfg = { backoffBaseMs: 30_000, backoffMaxMs: 3_600_000 };
    expect([1, 2, 3, 4].map((n) => retryDelay(n, cfg, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3, 4].map((n) => retryDelay(n, cfg, () => 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(20, cfg, () => 0)).toBe(1_800_000);
    expect(retryDelay(20, cfg, () => 0.999999)).toBeLessThanOrEqual(3_600_000);
  });

  it('reads its settings from the environment, the lease never shorter than two send timeouts', () => {
    const c = loadNoticeConfig({ NOTICE_SEND_TIMEOUT_MS: '40000', NOTICE_LEASE_MS: '1000', SMS_GATEWAY_URL: 'http://gw', SMS_STRIP_DIACRITICS: 'true' }, 'https://x.gov.vn/');
    expect(c.leaseMs).toBe(80_000);
    expect(c.publicBaseUrl).toBe('https://x.gov.vn');
    expect(c.sms).toMatchObject({ url: 'http://gw', stripDiacritics: true, brandName: 'MOTCUA' });
    expect(c.email).toBeUndefined();
    expect(loadNoticeConfig({ MAIL_SMTP_URL: 'smtp://m', MAIL_FROM: 'UBND <a@ubnd.example.vn>' }, 'x').email?.messageIdDomain).toBe('ubnd.example.vn');
  });
});

describe('channel adapters against local fakes', () => {
  let sms: FakeGateway;
  let zalo: FakeGateway;
  let smtp: FakeSmtp;
  beforeAll(async () => {
    [sms, zalo, smtp] = await Promise.all([FakeGateway.start('sms'), FakeGateway.start('zalo'), FakeSmtp.start()]);
  });
  afterAll(() => Promise.all([sms.stop(), zalo.stop(), smtp.stop()]));

  it('SMS without diacritics when configured: GSM-7 text, parts reported', async () => {
    const channel = new HttpSmsGateway({ url: sms.url, token: sms.credential, brandName: 'UBND-ANKHANH', stripDiacritics: true }, 2000);
    const result = await channel.send(notice());
    const [call] = sms.to('84912345678');
    expect(call.body).toEqual({
      requestId: '000.31.01.H99-260310-0001:received:sms', to: '84912345678', brandName: 'UBND-ANKHANH',
      text: 'Ho so 000.31.01.H99-260310-0001 da duoc tiep nhan', unicode: false, segments: 1,
    });
    expect(result).toEqual({ providerMessageId: sms.deliveredTo('84912345678')[0].messageId, segments: 1 });
    // Same key again: the gateway answers with the first message id and sends nothing.
    expect((await channel.send(notice())).providerMessageId).toBe(result.providerMessageId);
    expect(sms.deliveredTo('84912345678')).toHaveLength(1);
  });

  it('SMS errors: a wrong token is permanent, a 503 is worth retrying', async () => {
    const wrong = new HttpSmsGateway({ url: sms.url, token: 'nope', brandName: 'X', stripDiacritics: false }, 2000);
    await expect(wrong.send(notice({ key: 'k-401' }))).rejects.toMatchObject({ name: 'ChannelError', permanent: true });
    sms.failNext(1);
    const right = new HttpSmsGateway({ url: sms.url, token: sms.credential, brandName: 'X', stripDiacritics: false }, 2000);
    const err = await right.send(notice({ key: 'k-503' })).catch((e) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect(err.permanent).toBe(false);
    const unreachable = new HttpSmsGateway({ url: 'http://127.0.0.1:9/send', brandName: 'X', stripDiacritics: false }, 500);
    await expect(unreachable.send(notice({ key: 'k-down' }))).rejects.toMatchObject({ permanent: false });
  });

  it('Zalo: phone in 84 form or a Zalo user id, placeholders and text in template_data; error ≠ 0 fails', async () => {
    const channel = new ZaloOaChannel({ url: zalo.url, accessToken: zalo.credential, templateId: '301234' }, 2000);
    await channel.send(notice({ channel: 'zalo', key: 'z-1', recipient: '0912345678' }));
    await channel.send(notice({ channel: 'zalo', key: 'z-2', recipient: '4368222190381947361' }));
    expect(zalo.requests.map((r) => r.body)).toEqual([
      { phone: '84912345678', template_id: '301234', template_data: { ma_ho_so: '000.31.01.H99-260310-0001', noi_dung: notice().body }, tracking_id: 'z-1' },
      { user_id: '4368222190381947361', template_id: '301234', template_data: { ma_ho_so: '000.31.01.H99-260310-0001', noi_dung: notice().body }, tracking_id: 'z-2' },
    ]);
    const badToken = new ZaloOaChannel({ url: zalo.url, accessToken: 'expired' }, 2000);
    await expect(badToken.send(notice({ channel: 'zalo', key: 'z-3' }))).rejects.toThrow(/Zalo/);
  });

  it('e-mail: a 4xx reply is retried, the Message-ID is the key, the Date the event’s', async () => {
    const channel = new SmtpEmailChannel({ smtpUrl: smtp.url, from: 'Một cửa <motcua@ankhanh.example.gov.vn>', messageIdDomain: 'ankhanh.example.gov.vn' }, 2000);
    try {
      smtp.failNext(1, (m) => m.envelopeTo.includes('hoa@example.vn'));
      const mail = notice({ channel: 'email', key: 'X-1:received:email', recipient: 'hoa@example.vn', subject: 'Tiếp nhận hồ sơ X-1', body: 'Kính gửi Ông/Bà Lê Thị Hoa' });
      const err = await channel.send(mail).catch((e) => e);
      expect(err).toMatchObject({ permanent: false });
      expect(err.message).toContain('451');
      const result = await channel.send(mail);
      expect(result.providerMessageId).toMatch(/^Q\d+$/);
      const [first, second] = smtp.to('hoa@example.vn');
      expect(second.mail.messageId).toBe('<X-1.received.email@ankhanh.example.gov.vn>');
      expect(first.mail.messageId).toBe(second.mail.messageId);
      expect(second.mail.date?.toISOString()).toBe('2026-03-10T02:15:00.000Z');
      expect(second.mail.subject).toBe('Tiếp nhận hồ sơ X-1');
      expect(second.mail.text?.trim()).toBe('Kính gửi Ông/Bà Lê Thị Hoa');
    } finally {
      await channel.close();
    }
  });
});
