import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../web/src/format/datetime';

describe('formatDateTime', () => {
  it('writes dd/MM/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTime('2026-12-03T09:05:00.000+07:00')).toBe('03/12/2026 09:05');
  });

  it('converts other offsets to Asia/Ho_Chi_Minh, across midnight', () => {
    expect(formatDateTime('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
  });

  it('uses a 24-hour clock', () => {
    expect(formatDateTime('2026-03-09T15:45:00+07:00')).toBe('09/03/2026 15:45');
  });

  it('shows a dash when there is no date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
