import type { Standing } from '../../cinema/member-standing';
import { standingText } from '../../cinema/standing-text';
import { api } from './api';
import type { CinemaStore } from './cinema-state';
import { byId, el } from './dom';

export interface StandingPanel {
  load(): Promise<void>;
  render(): void;
}

/**
 * 我的信用: the member's strikes and any suspension (GET /api/me/standing), kept in the store so the
 * screening buttons say 暂停领票 instead of offering what the server would refuse.
 */
export function mountStandingPanel(store: CinemaStore): StandingPanel {
  const section = byId('my-standing');
  const suspension = byId('standing-suspension');
  const summary = byId('standing-summary');
  const strikes = byId('standing-strikes');

  async function load(): Promise<void> {
    const result = await api<{ standing: Standing }>('/api/me/standing', { cache: 'no-store' });
    // A failed read keeps what was shown: the server refuses a suspended member's claim all the same.
    if (result.ok) store.update({ standing: result.data.standing });
  }

  function render(): void {
    const { signedIn, standing } = store.state;
    section.hidden = !signedIn || standing === undefined;
    if (section.hidden || !standing) return;
    const text = standingText(standing);
    suspension.hidden = text.suspension === undefined;
    suspension.textContent = text.suspension ?? '';
    summary.textContent = text.summary;
    strikes.replaceChildren(...text.strikes.map((strike) => el('li', {}, `${strike.what}（${strike.state}）`)));
  }

  return { load, render };
}
