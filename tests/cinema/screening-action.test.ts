import { describe, expect, it } from 'vitest';
import { screeningAction, type ScreeningActionInput } from '../../src/cinema/screening-action';

const base: ScreeningActionInput = {
  state: 'open',
  releaseAt: '2026-12-03T04:00:00.000Z',
  available: 120,
  signedIn: true,
  waitlisted: false,
  where: 'picker',
};
const action = (over: Partial<ScreeningActionInput>) => screeningAction({ ...base, ...over });

describe('screeningAction', () => {
  it('asks a signed-out member to sign in, saying what comes after', () => {
    expect(action({ signedIn: false })).toMatchObject({ kind: 'sign_in', label: '登录后领取', look: 'primary' });
    expect(action({ signedIn: false, available: 0 })).toMatchObject({ kind: 'sign_in', label: '登录后加入候补' });
  });

  it('gives the release time, not a red button, before seats are released', () => {
    expect(action({ state: 'not_open' })).toEqual({ kind: 'opens_at', label: '12月3日 12:00 开抢', look: 'quiet' });
    expect(action({ state: 'not_open', signedIn: false }).kind).toBe('opens_at');
  });

  it('claims the chosen seat, or the best one when none is chosen, in the picker', () => {
    expect(action({ selectedSeat: { id: '5-8', label: '5排8号' } })).toEqual({ kind: 'claim', label: '领取 5排8号', look: 'primary', seat: '5-8' });
    expect(action({})).toEqual({ kind: 'claim', label: '领取最佳座位', look: 'primary' });
  });

  it('opens the picker from a list card while seats are out', () => {
    expect(action({ where: 'list' })).toMatchObject({ kind: 'open_picker', label: '选座领取', look: 'primary' });
  });

  it('offers the waitlist when sold out, and says so once joined', () => {
    expect(action({ available: 0 })).toMatchObject({ kind: 'join_waitlist', label: '加入候补', look: 'primary' });
    expect(action({ available: 0, where: 'list' }).kind).toBe('join_waitlist');
    expect(action({ available: 0, waitlisted: true })).toMatchObject({ kind: 'waitlisted', look: 'quiet' });
  });

  it('shows the ticket held, on the list and in the picker, whatever the window', () => {
    for (const state of ['open', 'closed', 'not_open'] as const) {
      expect(action({ state, ticketSeat: '6排8号' })).toEqual({ kind: 'view_ticket', label: '已领 6排8号 · 查看票', look: 'quiet' });
    }
    expect(action({ where: 'list', ticketSeat: '6排8号', available: 0 }).kind).toBe('view_ticket');
  });

  it('offers no button once claims close or for a screening booked whole', () => {
    expect(action({ state: 'closed' })).toMatchObject({ kind: 'closed', look: 'none' });
    expect(action({ state: 'booked', signedIn: false })).toMatchObject({ kind: 'booked', look: 'none' });
  });

  it('in the noon queue’s minutes: 加入排队 with the seat picked, then 已排队 (no position), 选座排队 on the list', () => {
    const queueing = { state: 'not_open', noonQueue: 'open' } as const;
    expect(action({ ...queueing })).toEqual({ kind: 'join_queue', label: '加入排队', look: 'primary' });
    expect(action({ ...queueing, selectedSeat: { id: '5-8', label: '5排8号' } })).toEqual({
      kind: 'join_queue',
      label: '加入排队 · 5排8号',
      look: 'primary',
      seat: '5-8',
    });
    expect(action({ ...queueing, where: 'list' })).toMatchObject({ kind: 'open_picker', label: '选座排队' });
    expect(action({ ...queueing, signedIn: false })).toMatchObject({ kind: 'sign_in', label: '登录后排队' });
    expect(action({ state: 'not_open', noonQueue: 'queued' })).toEqual({ kind: 'queued', label: '已排队，12:00 统一随机分配', look: 'quiet' });
  });

  describe('a member suspended for no-shows', () => {
    // 2027-02-07 00:00 in Shanghai.
    const suspendedUntil = '2027-02-06T16:00:00.000Z';
    const release = { releaseAt: '2027-01-11T04:00:00.000Z' };

    it('sees why and until when in place of claiming, the picker, the waitlist and the noon queue', () => {
      const suspended = { kind: 'suspended', label: '因爽约暂停领票，2月7日 00:00 起恢复', look: 'none' };
      expect(action({ ...release, suspendedUntil })).toEqual(suspended);
      expect(action({ ...release, suspendedUntil, where: 'list' })).toEqual(suspended);
      expect(action({ ...release, suspendedUntil, available: 0 })).toEqual(suspended);
      expect(action({ ...release, suspendedUntil, state: 'not_open', noonQueue: 'open' })).toEqual(suspended);
      expect(action({ ...release, suspendedUntil, state: 'not_open' })).toEqual(suspended);
    });

    it('still sees a ticket held, a closed window, a union booking, and a release after the suspension ends', () => {
      expect(action({ suspendedUntil, ticketSeat: '5排8号' }).kind).toBe('view_ticket');
      expect(action({ suspendedUntil, state: 'closed' }).kind).toBe('closed');
      expect(action({ suspendedUntil, state: 'booked' }).kind).toBe('booked');
      expect(action({ suspendedUntil, state: 'not_open', releaseAt: '2027-02-08T04:00:00.000Z' }).kind).toBe('opens_at');
      expect(action({ suspendedUntil, available: 0, waitlisted: true }).kind).toBe('waitlisted');
    });

    it('is asked to sign in like anyone when signed out', () => {
      expect(action({ suspendedUntil, signedIn: false }).kind).toBe('sign_in');
    });

    it('sees why in place of entering a lottery, or of entries opening while the suspension runs', () => {
      const lottery = { drawAt: '2027-01-12T00:00:00.000Z', phase: 'open' as const };
      expect(action({ ...release, suspendedUntil, lottery }).kind).toBe('suspended');
      expect(action({ ...release, suspendedUntil, where: 'list', lottery }).kind).toBe('suspended');
      expect(action({ ...release, suspendedUntil, state: 'not_open', lottery }).kind).toBe('suspended');
      expect(action({ suspendedUntil, state: 'not_open', releaseAt: '2027-02-08T04:00:00.000Z', lottery }).kind).toBe('lottery_opens');
    });
  });

  describe('a lottery screening', () => {
    // Released 周四 12:00 (2026-12-03), drawn 周五 08:00.
    const lottery = (over: Partial<NonNullable<ScreeningActionInput['lottery']>> = {}) => ({ drawAt: '2026-12-04T00:00:00.000Z', phase: 'open' as const, ...over });

    it('says when entries open before the release, never 开抢 (there is nothing to grab)', () => {
      expect(action({ state: 'not_open', lottery: lottery() })).toEqual({ kind: 'lottery_opens', label: '12月3日 12:00 开始报名抽签', look: 'quiet' });
      // The noon queue is a first-come thing: a lottery screening never offers it.
      expect(action({ state: 'not_open', noonQueue: 'open', lottery: lottery() }).kind).toBe('lottery_opens');
    });

    it('in the entry window: sign in first, then 报名抽签 on the list, and in the picker with the seats chosen', () => {
      expect(action({ signedIn: false, lottery: lottery() })).toMatchObject({ kind: 'sign_in', label: '登录后报名抽签', look: 'primary' });
      expect(action({ where: 'list', lottery: lottery() })).toEqual({ kind: 'open_lottery', label: '报名抽签', look: 'primary' });
      expect(action({ lottery: lottery() })).toEqual({ kind: 'enter_lottery', label: '报名抽签 · 一人', look: 'primary', seats: 1 });
      expect(action({ lottery: lottery({ chosenSeats: 2 }) })).toEqual({ kind: 'enter_lottery', label: '报名抽签 · 两人', look: 'primary', seats: 2 });
      // Sold out does not matter before the draw: no waitlist to join yet.
      expect(action({ available: 0, lottery: lottery() }).kind).toBe('enter_lottery');
    });

    it('once entered: 已报名 with the seats and the draw time; changing the seats makes the button change the entry', () => {
      const entered = { kind: 'lottery_entered', label: '已报名 · 2 张 · 12月4日 08:00 抽签', look: 'quiet' };
      expect(action({ where: 'list', lottery: lottery({ entered: 2 }) })).toEqual({ kind: 'lottery_entered', label: '已报名 · 改人数或撤回', look: 'quiet' });
      expect(action({ lottery: lottery({ entered: 2 }) })).toEqual(entered);
      expect(action({ lottery: lottery({ entered: 2, chosenSeats: 2 }) })).toEqual(entered);
      expect(action({ lottery: lottery({ entered: 2, chosenSeats: 1 }) })).toEqual({ kind: 'enter_lottery', label: '改为一人', look: 'primary', seats: 1 });
    });

    it('after the draw time: 正在出结果 until the outcome is heard, then 中签 or the waitlist place', () => {
      expect(action({ lottery: lottery({ phase: 'drawing', entered: 1 }) })).toMatchObject({ kind: 'lottery_drawing', look: 'quiet' });
      expect(action({ lottery: lottery({ phase: 'drawn', entered: 1 }) }).kind).toBe('lottery_drawing');
      expect(action({ lottery: lottery({ phase: 'drawn', entered: 1, outcome: { result: 'won' } }) })).toMatchObject({ kind: 'lottery_won' });
      expect(action({ lottery: lottery({ phase: 'drawn', entered: 1, outcome: { result: 'won' } }), ticketSeat: '6排8号' }).kind).toBe('view_ticket');
      expect(action({ available: 0, lottery: lottery({ phase: 'drawn', entered: 2, outcome: { result: 'lost', waitlistPosition: 3 } }) })).toEqual({
        kind: 'lottery_lost',
        label: '未中签 · 候补第 3 位',
        look: 'quiet',
      });
    });

    it('after the draw, a member who did not enter goes first-come for the seats left, as any screening', () => {
      expect(action({ lottery: lottery({ phase: 'drawn' }) })).toEqual({ kind: 'claim', label: '领取最佳座位', look: 'primary' });
      expect(action({ where: 'list', lottery: lottery({ phase: 'drawing' }) }).kind).toBe('open_picker');
      expect(action({ available: 0, lottery: lottery({ phase: 'drawn' }) }).kind).toBe('join_waitlist');
    });

    it('shows the ticket won, and nothing once claims close', () => {
      expect(action({ ticketSeat: '3排5号', lottery: lottery({ phase: 'drawn', entered: 2 }) }).kind).toBe('view_ticket');
      expect(action({ state: 'closed', lottery: lottery({ entered: 1 }) }).kind).toBe('closed');
    });
  });
});
