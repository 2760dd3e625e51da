import { formatShanghaiTime } from '../../cinema/countdown';
import { answerIsDecided } from '../../cinema/decided-answer';
import { attemptTicketCode, DoorAttempts } from '../../cinema/door-attempts';
import { doorVerdict, labelOf, offlineDoorVerdict, type DoorVerdict } from '../../cinema/door-verdict';
import { offlineVerdict, readTicketScan } from '../../cinema/offline-checkin';
import { formatTicketCode } from '../../cinema/ticket-code';
import { api, sendJson, type ApiResult } from './api';
import { byId, el } from './dom';
import { DoorStore, type DoorList } from './door-store';
import { serverNow, syncServerClock } from './server-time';
import { verifyTicketSignature } from './ticket-signature';
import type { Screening, Ticket } from './types';

/** The signed-in staff member's name, for this tab: the page knows it is signed in when it opens with no network. */
const SIGNED_IN_KEY = 'huigong-door-staff';
/** The screening chosen in this tab, kept across reloads (the door reloads offline too). */
const SCREENING_KEY = 'huigong-door-screening';
/** Offline check-ins per sync request (the route's MAX_SYNC_BATCH). */
const SYNC_BATCH = 100;
/** While check-ins wait, a sync is tried this often too: `online` events do not come on every flaky network. */
const SYNC_RETRY_MS = 20_000;
/** A scanned code is not read again for this long, so one ticket held up to the camera checks in once. */
const RESCAN_PAUSE_MS = 2_500;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (options: { formats: string[] }) => BarcodeDetectorLike;
  }
}

/** Felt as well as seen, where the phone can vibrate: one short buzz lets in, a longer one stops. */
const VIBRATION: Record<DoorVerdict['verdict'], number[]> = { valid: [80], used: [200, 100, 200], invalid: [200, 100, 200] };

/**
 * Scrolls the verdict to the top of what the keyboard leaves visible (the visual viewport) when it, or the
 * code field right under it, is out of sight: a longer verdict pushes the field down behind the keyboard.
 */
function keepInSight(verdict: HTMLElement, field: HTMLElement): void {
  const visibleTop = window.visualViewport?.offsetTop ?? 0;
  const visibleBottom = visibleTop + (window.visualViewport?.height ?? window.innerHeight);
  const { top } = verdict.getBoundingClientRect();
  if (top < visibleTop || field.getBoundingClientRect().bottom > visibleBottom) window.scrollBy(0, Math.floor(top - visibleTop));
}

/** The door: a staff sign-in once, then scan (where the browser has BarcodeDetector) or type codes. */
export async function startCheckInPage(): Promise<void> {
  const signInForm = byId<HTMLFormElement>('token-form');
  const panel = byId('checkin-panel');
  const select = byId<HTMLSelectElement>('screening-select');
  const result = byId('result');
  const codeForm = byId<HTMLFormElement>('code-form');
  const video = byId<HTMLVideoElement>('scanner');
  let stream: MediaStream | undefined;
  let lastScan = { value: '', at: 0 };
  const attempts = new DoorAttempts();

  // Sign-in: a staff account's username and password (POST /api/staff/session), the session an HttpOnly
  // cookie the API reads; this tab only remembers that it is signed in.
  const signedIn = () => sessionStorage.getItem(SIGNED_IN_KEY) !== null;

  // What lets the door work with no network (IndexedDB); without it, the page works online only.
  const store = await DoorStore.open().catch(() => undefined);
  const device = await store?.deviceId().catch(() => undefined);
  let screenings: Screening[] = [];
  let list: DoorList | undefined;
  let syncing = 0;
  /** What the last syncs refused, to tell the staff: a check-in made offline the server did not take. */
  const refusedInSync: string[] = [];

  function show({ verdict, headline, detail }: DoorVerdict): void {
    result.className = `result ${verdict}`;
    result.replaceChildren(el('p', { class: 'verdict' }, headline), ...(detail ? [el('p', { class: 'detail' }, detail)] : []));
  }

  /** The screenings: the server's, kept for the next time there is no network. */
  async function loadScreenings(): Promise<void> {
    const response = await api<{ screenings: Screening[] }>('/api/screenings', { cache: 'no-store' });
    if (response.ok) {
      screenings = response.data.screenings;
      await store?.saveScreenings(screenings).catch(() => undefined);
    } else {
      const saved = await store?.screenings().catch(() => undefined);
      if (!saved) return show({ verdict: 'invalid', headline: '场次加载失败', detail: response.error.message });
      screenings = saved;
    }
    const now = Date.now();
    select.replaceChildren(
      ...screenings.map((screening) => el('option', { value: screening.id }, `${formatShanghaiTime(screening.startsAt)} ${screening.film.title}`)),
    );
    // Preselect the screening nearest to now: the one the door is letting in.
    const nearest = screenings.reduce<Screening | undefined>(
      (best, screening) =>
        !best || Math.abs(Date.parse(screening.startsAt) - now) < Math.abs(Date.parse(best.startsAt) - now) ? screening : best,
      undefined,
    );
    const chosen = sessionStorage.getItem(SCREENING_KEY);
    if (chosen && screenings.some((screening) => screening.id === chosen)) select.value = chosen;
    else if (nearest) select.value = nearest.id;
    await loadList();
  }

  /** The screening's door list: fetched while there is a network and kept, so the door can check in without one. */
  async function loadList(): Promise<void> {
    const screeningId = select.value;
    const response = await api<DoorList>(`/api/door/screenings/${screeningId}`, { cache: 'no-store' });
    if (!response.ok && response.error.code === 'staff_unauthorized') return askToSignIn('登录已失效，请重新登录。');
    if (response.ok) await store?.saveList(response.data).catch(() => undefined);
    const current = response.ok ? response.data : await store?.list(screeningId).catch(() => undefined);
    if (select.value !== screeningId) return;
    list = current;
    await renderCounts();
  }

  /** The counts under the screening and the network line: what the list says plus this device's waiting check-ins. */
  async function renderCounts(): Promise<void> {
    const pending = (await store?.pending().catch(() => [])) ?? [];
    const screening = screenings.find((candidate) => candidate.id === select.value);
    const stats = byId('screening-stats');
    if (!list) {
      stats.textContent = navigator.onLine ? '' : '没有本场的票单：联网打开过本场才能离线检票。';
    } else {
      const waiting = new Set(pending.filter((entry) => entry.screeningId === list!.screeningId).map((entry) => entry.code));
      const active = list.tickets.filter((ticket) => ticket.status === 'active');
      const inside = active.filter((ticket) => ticket.checkedInAt || waiting.has(ticket.code)).length;
      stats.textContent = `已入场 ${inside} 人 · 持票 ${active.length} 张${screening ? ` · 座位 ${screening.capacity} 个` : ''}`;
    }
    const network = byId('network-status');
    const waiting = pending.length > 0 ? ` · 待同步 ${pending.length} 条` : '';
    if (!navigator.onLine) {
      network.dataset.state = 'offline';
      network.textContent = `离线：照常检票，联网后自动同步${waiting}`;
    } else if (syncing > 0) {
      network.dataset.state = 'syncing';
      network.textContent = `正在同步 ${syncing} 条`;
    } else {
      network.dataset.state = 'online';
      network.textContent = `在线${waiting}`;
    }
    renderSyncNotes();
  }

  /** Check-ins of this device the server did not take: another device's earlier check-in won, or a refusal. */
  function renderSyncNotes(): void {
    const lost = (list?.conflicts ?? [])
      .filter((conflict) => conflict.later.device === device)
      .map((conflict) => {
        const seat = list?.tickets.find((ticket) => ticket.code === conflict.code)?.seat;
        return `票 ${formatTicketCode(conflict.code)}${seat ? `（${labelOf(seat)}）` : ''}：另一台设备 ${formatShanghaiTime(conflict.kept.at)} 已先检票，本机 ${formatShanghaiTime(conflict.later.at)} 的检票记为冲突。`;
      });
    const notes = [...lost, ...refusedInSync];
    const box = byId('sync-notes');
    box.hidden = notes.length === 0;
    byId('sync-notes-list').replaceChildren(...notes.map((note) => el('li', {}, note)));
  }

  /** Sends the check-ins made offline, in batches; each is final once the server answers (kept, replayed or refused). */
  async function syncPending(): Promise<void> {
    if (!store || !device || syncing > 0 || !navigator.onLine || !signedIn()) return;
    const pending = await store.pending().catch(() => []);
    if (pending.length === 0) return;
    syncing = pending.length;
    await renderCounts();
    try {
      for (const screeningId of new Set(pending.map((entry) => entry.screeningId))) {
        const mine = pending.filter((entry) => entry.screeningId === screeningId);
        for (let i = 0; i < mine.length; i += SYNC_BATCH) {
          const batch = mine.slice(i, i + SYNC_BATCH);
          const response = (await sendJson(
            'POST',
            `/api/door/screenings/${screeningId}/checkins`,
            { device, checkIns: batch.map(({ code, at }) => ({ code, at })) },
          )) as ApiResult<{ results: { code: string; result: string }[] }>;
          if (!response.ok) {
            if (response.error.code === 'staff_unauthorized') askToSignIn('登录已失效，请重新登录；离线检票记录仍保存在本机。');
            return;
          }
          for (const { code, result } of response.data.results) {
            if (result === 'unknown_ticket') refusedInSync.push(`票 ${formatTicketCode(code)}：同步时服务器没有找到这张票。`);
            if (result === 'ticket_cancelled') refusedInSync.push(`票 ${formatTicketCode(code)}：同步时发现此票已退。`);
          }
          await store.removePending(screeningId, batch.map((entry) => entry.code));
          syncing = Math.max(0, syncing - batch.length);
          await renderCounts();
        }
      }
    } finally {
      syncing = 0;
      await loadList();
    }
  }

  /** No network: the verdict from the kept list, and a valid check-in kept on the device until it syncs. */
  async function checkInOffline(input: string): Promise<DoorVerdict> {
    if (!list || list.screeningId !== select.value) {
      return { verdict: 'invalid', headline: '无法离线检票', detail: '没有本场的票单：请联网打开本场一次。' };
    }
    const scan = readTicketScan(input);
    const pending = (await store?.pending(list.screeningId).catch(() => [])) ?? [];
    const verdict = offlineVerdict({
      screeningId: list.screeningId,
      scan,
      tickets: new Map(list.tickets.map((ticket) => [ticket.code, ticket])),
      localCheckIns: new Map(pending.map((entry) => [entry.code, entry])),
      ...(await verifyTicketSignature(scan, list.publicKeys).then((valid) => (valid === undefined ? {} : { signatureValid: valid }))),
    });
    if (verdict.verdict === 'valid') {
      if (!store || !device) return { verdict: 'invalid', headline: '无法离线检票', detail: '此浏览器不能在本机保存检票记录。' };
      await store.addPending({ screeningId: list.screeningId, code: verdict.code, at: new Date(serverNow()).toISOString(), device });
    }
    const named = (id: string) => {
      const other = screenings.find((screening) => screening.id === id);
      return other && `${formatShanghaiTime(other.startsAt)}《${other.film.title}》`;
    };
    return offlineDoorVerdict(verdict, named);
  }

  /** Back to the sign-in form, saying why there: the check-in panel, and its verdict, are hidden now. */
  function askToSignIn(message = ''): void {
    sessionStorage.removeItem(SIGNED_IN_KEY);
    panel.hidden = true;
    signInForm.hidden = false;
    const note = byId('token-message');
    note.textContent = message;
    note.hidden = !message;
    byId('staff-username').focus();
  }

  async function checkIn(body: { code: string } | { qr: string }): Promise<void> {
    const verdict = (navigator.onLine && (await checkInOnline(body))) || (await checkInOffline('code' in body ? body.code : body.qr));
    if (!verdict) return;
    show(verdict);
    keepInSight(result, byId('ticket-code'));
    navigator.vibrate?.(VIBRATION[verdict.verdict]);
    await renderCounts();
  }

  /** The server's verdict; undefined when the network failed (the door then decides offline), null when signed out. */
  async function checkInOnline(body: { code: string } | { qr: string }): Promise<DoorVerdict | null | undefined> {
    const code = attemptTicketCode(body);
    const sentAt = serverNow();
    // Named by this device, so its offline check-in of the ticket (made if this answer is lost) syncs as the same check-in.
    const sent = device ? { ...body, device } : body;
    const response = (await sendJson('POST', `/api/staff/screenings/${select.value}/checkins`, sent)) as ApiResult<{ ticket: Ticket }>;
    if (!response.ok && response.error.code === 'network') return undefined;
    const decided = answerIsDecided(response.ok ? response : { status: response.status, code: response.error.code });
    if (code && !decided) attempts.unanswered(code, sentAt);
    const ownCheckIn = Boolean(code && decided && attempts.ownEarlierCheckIn(code, response.ok ? {} : response.error, serverNow()));
    if (!response.ok && response.error.code === 'staff_unauthorized') {
      askToSignIn('登录已失效，请重新登录。');
      return null;
    }
    // The kept list learns the check-in, so a rescan after the network drops is refused offline too.
    const answered = response.ok ? response.data.ticket : (response.error.ticket as Ticket | undefined);
    const listed = answered?.checkedInAt ? list?.tickets.find((ticket) => ticket.code === answered.code) : undefined;
    if (list && listed && answered?.checkedInAt) {
      listed.checkedInAt = answered.checkedInAt;
      await store?.saveList(list).catch(() => undefined);
    }
    return doorVerdict(response.ok ? { ok: true, ticket: response.data.ticket } : { ok: false, error: response.error, ownCheckIn });
  }

  async function scanLoop(detector: BarcodeDetectorLike): Promise<void> {
    while (stream) {
      try {
        const [code] = await detector.detect(video);
        const now = Date.now();
        if (code && (code.rawValue !== lastScan.value || now - lastScan.at > RESCAN_PAUSE_MS)) {
          lastScan = { value: code.rawValue, at: now };
          await checkIn({ qr: code.rawValue });
        }
      } catch {
        // A frame that could not be read: try the next one.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  function stopScan(): void {
    stream?.getTracks().forEach((track) => track.stop());
    stream = undefined;
    video.hidden = true;
    byId('stop-scan').hidden = true;
    byId('start-scan').hidden = false;
  }

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(signInForm);
    const answer = await sendJson<{ username: string }>('POST', '/api/staff/session', {
      username: String(form.get('username') ?? '').trim(),
      password: String(form.get('password') ?? ''),
    });
    if (!answer.ok) {
      const note = byId('token-message');
      note.textContent = answer.error.code === 'network' ? '没有网络：第一次登录需要联网。' : answer.error.message;
      note.hidden = false;
      return;
    }
    sessionStorage.setItem(SIGNED_IN_KEY, answer.data.username);
    signInForm.reset();
    signInForm.hidden = true;
    byId('token-message').hidden = true;
    panel.hidden = false;
    show({ verdict: 'valid', headline: '请扫码或输入票号', detail: '' });
    result.className = 'result';
    await loadScreenings();
    byId('ticket-code').focus();
    void syncPending();
  });

  codeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('ticket-code');
    const code = input.value.trim();
    if (!code) return;
    await checkIn({ code });
    input.select();
  });

  select.addEventListener('change', () => {
    sessionStorage.setItem(SCREENING_KEY, select.value);
    void loadList();
  });
  window.addEventListener('online', () => void renderCounts().then(syncPending));
  window.addEventListener('offline', () => void renderCounts());
  setInterval(() => void syncPending(), SYNC_RETRY_MS);
  byId('forget-token').addEventListener('click', () => {
    stopScan();
    void api('/api/staff/session', { method: 'DELETE' });
    askToSignIn();
  });

  if (window.BarcodeDetector && navigator.mediaDevices?.getUserMedia) {
    const Detector = window.BarcodeDetector;
    byId('start-scan').hidden = false;
    byId('start-scan').addEventListener('click', async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch {
        byId('scan-note').textContent = '无法打开摄像头，请允许使用摄像头，或直接输入票号。';
        return;
      }
      video.srcObject = stream;
      video.hidden = false;
      try {
        await video.play();
      } catch {
        // Without a picture nothing can be scanned: back to one button, and say so.
        stopScan();
        byId('scan-note').textContent = '摄像头画面打不开，请直接输入票号。';
        return;
      }
      byId('start-scan').hidden = true;
      byId('stop-scan').hidden = false;
      void scanLoop(new Detector({ formats: ['qr_code'] }));
    });
    byId('stop-scan').addEventListener('click', stopScan);
  } else {
    byId('scan-note').textContent = '此浏览器不支持扫码，请输入票号。';
  }

  // The door compares check-in times with the server's, to know its own lost check-ins (DoorAttempts).
  void syncServerClock();
  keepPageOffline();
  // A session from another tab counts too (the cookie is the browser's).
  if (!signedIn() && navigator.onLine) {
    const me = await api<{ username: string }>('/api/staff/me', { cache: 'no-store' });
    if (me.ok) sessionStorage.setItem(SIGNED_IN_KEY, me.data.username);
  }
  if (signedIn()) {
    panel.hidden = false;
    await loadScreenings();
    void syncPending();
  } else {
    signInForm.hidden = false;
  }
}

/**
 * The door page's own service worker (public/cinema/checkin/sw.js, scope /cinema/checkin/) keeps this
 * page and what it loaded, so it opens with no network once it has been opened. It is told what the page
 * loaded: on the first visit those requests came before the worker did.
 */
function keepPageOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const workers = navigator.serviceWorker;
  void workers
    .register('/cinema/checkin/sw.js', { scope: '/cinema/checkin/', updateViaCache: 'none' })
    .then(() => workers.ready)
    .then((registration) => {
      const assets = performance.getEntriesByType('resource').map((entry) => entry.name);
      registration.active?.postMessage({ kind: 'keep-page', page: location.pathname, assets });
    })
    .catch(() => undefined);
}
