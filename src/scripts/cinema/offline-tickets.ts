import { formatShanghaiTime } from '../../cinema/countdown';
import { el } from './dom';

/**
 * Lets the member's tickets open with no network (at the door, in a basement hall): registers the
 * service worker (public/sw.js) for /cinema/, tells it what this page loaded so it can keep it, and says
 * so when the ticket list shown is its saved copy rather than the server's answer.
 */
export function keepTicketsOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  // Requests the worker did not see (a first visit) are not kept: it asks for the member's answers itself.
  const controlled = workers.controller !== null;
  workers.addEventListener('message', (event: MessageEvent<{ kind?: string; savedAt?: string }>) => {
    if (event.data?.kind === 'saved-tickets') showSavedCopyNotice(event.data.savedAt);
  });
  workers.startMessages();
  window.addEventListener('online', () => document.getElementById('offline-copy')?.remove());
  void workers
    .register('/sw.js', { scope: '/cinema/', updateViaCache: 'none' })
    .then(() => workers.ready)
    .then((registration) => {
      const assets = performance.getEntriesByType('resource').map((entry) => entry.name);
      registration.active?.postMessage({ kind: 'keep-page', page: location.pathname, assets, controlled });
    })
    // Without it the page works as before, online only.
    .catch(() => undefined);
}

function showSavedCopyNotice(savedAt: string | undefined): void {
  const section = document.getElementById('my-tickets');
  if (!section) return;
  const when = savedAt ? `${formatShanghaiTime(savedAt)} ` : '';
  const notice = el('p', { id: 'offline-copy', class: 'offline-copy', role: 'status' }, `现在没有网络：下面是${when}联网时保存的票，入场时照样出示二维码或报票号。`);
  document.getElementById('offline-copy')?.remove();
  section.querySelector('h2')?.after(notice);
}
