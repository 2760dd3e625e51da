import { api } from './api';
import type { Screening } from './types';

/**
 * The 惠工影院 program page's live parts: seats left for the listed screenings, and the running totals
 * from the seat store. Without JavaScript the page still lists the screenings and links to /cinema/.
 */
export async function startCinemaLive(): Promise<void> {
  const [list, totals] = await Promise.all([
    api<{ screenings: Screening[] }>('/api/screenings', { cache: 'no-store' }),
    api<{ screeningsShown: number; attendance: number }>('/api/cinema/totals'),
  ]);
  if (list.ok) {
    for (const screening of list.data.screenings) {
      const seatsLeft = document.querySelector(`#cinema-live [data-id="${screening.id}"] .seats-left`);
      if (!seatsLeft) continue;
      seatsLeft.textContent =
        screening.state === 'closed' ? '，已停止领票' : `，剩余 ${screening.available} / ${screening.capacity} 座`;
    }
  }
  const line = document.getElementById('cinema-totals');
  if (totals.ok && line) {
    line.textContent = `本站上线以来：已放映 ${totals.data.screeningsShown} 场，入场 ${totals.data.attendance} 人次。`;
    line.hidden = false;
  }
}
