import { describe, expect, it } from 'vitest';
import { doorVerdict, offlineDoorVerdict } from '../../src/cinema/door-verdict';

const ticket = { displayCode: 'ABCD-2345', seatLabel: '5排8号', screening: { film: '长津湖' } };
const refused = (code: string, details: Record<string, unknown> = {}, ownCheckIn = false) =>
  doorVerdict({ ok: false, error: { code, message: `${code} 的说明`, ...details }, ownCheckIn });

describe('doorVerdict', () => {
  it('lets a valid ticket in with its seat', () => {
    expect(doorVerdict({ ok: true, ticket })).toEqual({ verdict: 'valid', headline: '有效 · 5排8号', detail: 'ABCD-2345 · 长津湖' });
  });

  it('names the screening a ticket for another screening is for: film, day, time and hall', () => {
    const ticketScreening = { id: 'x', film: '长津湖', startsAt: '2026-12-04T10:30:00Z', hall: '一号厅' };
    expect(refused('wrong_screening', { ticketScreeningId: 'x', ticketScreening })).toEqual({
      verdict: 'invalid',
      headline: '不是本场的票',
      detail: '这张票是 12月4日 周五 18:30《长津湖》 · 一号厅',
    });
  });

  it('asks to check the screening when the API cannot name it (a screening gone from the catalogue)', () => {
    expect(refused('wrong_screening', { ticketScreeningId: 'old' }).detail).toBe('请核对场次');
  });

  it('says when a used ticket was first checked in, in Beijing time', () => {
    expect(refused('already_checked_in', { checkedInAt: '2026-12-04T10:20:00Z', ticket })).toEqual({
      verdict: 'used',
      headline: '已检过票',
      detail: '首次检票 12月4日 周五 18:20 · 5排8号',
    });
  });

  it("lets in the holder whose own check-in's answer was lost, and says why", () => {
    const verdict = refused('already_checked_in', { checkedInAt: '2026-12-04T10:20:00Z', ticket }, true);
    expect(verdict).toMatchObject({ verdict: 'valid', headline: '有效 · 5排8号（刚才已检票，网络中断后重试）' });
  });

  it('turns away cancelled, unknown and forged tickets, and shows any other refusal as it came', () => {
    expect(refused('ticket_cancelled', { ticket })).toMatchObject({ verdict: 'invalid', headline: '此票已退', detail: 'ABCD-2345' });
    expect(refused('unknown_ticket')).toMatchObject({ verdict: 'invalid', headline: '无效的票' });
    expect(refused('invalid_ticket_qr')).toMatchObject({ verdict: 'invalid', headline: '无效的票' });
    expect(refused('network')).toEqual({ verdict: 'invalid', headline: '检票失败', detail: 'network 的说明' });
  });
});

describe('offlineDoorVerdict', () => {
  it('lets a listed ticket in with its seat and says the check-in waits for the network', () => {
    expect(offlineDoorVerdict({ verdict: 'valid', code: 'ABCD2345', seat: '5-8' })).toEqual({
      verdict: 'valid',
      headline: '有效 · 5排8号',
      detail: 'ABCD-2345 · 离线检票，联网后自动同步',
    });
    expect(offlineDoorVerdict({ verdict: 'valid', code: 'ABCD2345', unlisted: true })).toMatchObject({ verdict: 'valid', headline: '有效' });
  });

  it('turns away a ticket checked in, cancelled, for another screening or unknown, never in green', () => {
    expect(offlineDoorVerdict({ verdict: 'already_checked_in', code: 'ABCD2345', seat: '5-8', checkedInAt: '2026-12-04T10:31:00Z' })).toEqual({
      verdict: 'used',
      headline: '已检过票',
      detail: '首次检票 12月4日 周五 18:31 · 5排8号',
    });
    expect(offlineDoorVerdict({ verdict: 'wrong_screening', code: 'ABCD2345', ticketScreeningId: 'x' }, (id) => (id === 'x' ? '12月4日《长津湖》' : undefined))).toEqual({
      verdict: 'invalid',
      headline: '不是本场的票',
      detail: '这张票是 12月4日《长津湖》',
    });
    expect(offlineDoorVerdict({ verdict: 'cancelled', code: 'ABCD2345', seat: '5-8' }).headline).toBe('此票已退');
    expect(offlineDoorVerdict({ verdict: 'unknown' }).verdict).toBe('invalid');
  });
});
