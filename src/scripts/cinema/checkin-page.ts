import { formatShanghaiTime } from '../../cinema/countdown';
import { answerIsDecided } from '../../cinema/decided-answer';
import { attemptTicketCode, DoorAttempts } from '../../cinema/door-attempts';
import { doorVerdict, type DoorVerdict } from '../../cinema/door-verdict';
import { api, sendJson, type ApiResult } from './api';
import { byId, el } from './dom';
import { serverNow, syncServerClock } from './server-time';
import type { Screening, Ticket } from './types';

const TOKEN_KEY = 'huigong-staff-token';
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

/** The door: a staff token once, then scan (where the browser has BarcodeDetector) or type codes. */
export async function startCheckInPage(): Promise<void> {
  const tokenForm = byId<HTMLFormElement>('token-form');
  const panel = byId('checkin-panel');
  const select = byId<HTMLSelectElement>('screening-select');
  const result = byId('result');
  const codeForm = byId<HTMLFormElement>('code-form');
  const video = byId<HTMLVideoElement>('scanner');
  let stream: MediaStream | undefined;
  let lastScan = { value: '', at: 0 };
  const attempts = new DoorAttempts();

  const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';
  const staff = (path: string, init: RequestInit = {}) =>
    api(path, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token()}` } });

  function show({ verdict, headline, detail }: DoorVerdict): void {
    result.className = `result ${verdict}`;
    result.replaceChildren(el('p', { class: 'verdict' }, headline), ...(detail ? [el('p', { class: 'detail' }, detail)] : []));
  }

  async function loadScreenings(): Promise<void> {
    const response = await api<{ screenings: Screening[] }>('/api/screenings', { cache: 'no-store' });
    if (!response.ok) return show({ verdict: 'invalid', headline: '场次加载失败', detail: response.error.message });
    const now = Date.now();
    select.replaceChildren(
      ...response.data.screenings.map((screening) =>
        el('option', { value: screening.id }, `${formatShanghaiTime(screening.startsAt)} ${screening.film.title}`),
      ),
    );
    // Preselect the screening nearest to now: the one the door is letting in.
    const nearest = response.data.screenings.reduce<Screening | undefined>(
      (best, screening) =>
        !best || Math.abs(Date.parse(screening.startsAt) - now) < Math.abs(Date.parse(best.startsAt) - now) ? screening : best,
      undefined,
    );
    if (nearest) select.value = nearest.id;
    await loadStats();
  }

  async function loadStats(): Promise<void> {
    const stats = await staff(`/api/staff/screenings/${select.value}/stats`, { cache: 'no-store' });
    if (stats.ok) {
      const s = stats.data as { claimed: number; reserved: number; checkedIn: number; capacity: number };
      byId('screening-stats').textContent = `已入场 ${s.checkedIn} 人 · 持票 ${s.claimed + s.reserved} 张 · 座位 ${s.capacity} 个`;
    } else if (stats.error.code === 'staff_unauthorized') {
      askForToken('口令不正确，请重新输入。');
    }
  }

  /** Back to the token form, saying why there: the check-in panel, and its verdict, are hidden now. */
  function askForToken(message = ''): void {
    sessionStorage.removeItem(TOKEN_KEY);
    panel.hidden = true;
    tokenForm.hidden = false;
    const note = byId('token-message');
    note.textContent = message;
    note.hidden = !message;
    byId('staff-token').focus();
  }

  async function checkIn(body: { code: string } | { qr: string }): Promise<void> {
    const code = attemptTicketCode(body);
    const sentAt = serverNow();
    const response = (await sendJson('POST', `/api/staff/screenings/${select.value}/checkins`, body, {
      Authorization: `Bearer ${token()}`,
    })) as ApiResult<{ ticket: Ticket }>;
    const decided = answerIsDecided(response.ok ? response : { status: response.status, code: response.error.code });
    if (code && !decided) attempts.unanswered(code, sentAt);
    const ownCheckIn = Boolean(code && decided && attempts.ownEarlierCheckIn(code, response.ok ? {} : response.error, serverNow()));
    if (!response.ok && response.error.code === 'staff_unauthorized') return askForToken('口令已失效，请重新输入。');
    const verdict = doorVerdict(response.ok ? { ok: true, ticket: response.data.ticket } : { ok: false, error: response.error, ownCheckIn });
    show(verdict);
    keepInSight(result, byId('ticket-code'));
    navigator.vibrate?.(VIBRATION[verdict.verdict]);
    await loadStats();
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

  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, String(new FormData(tokenForm).get('token') ?? '').trim());
    tokenForm.reset();
    tokenForm.hidden = true;
    byId('token-message').hidden = true;
    panel.hidden = false;
    show({ verdict: 'valid', headline: '请扫码或输入票号', detail: '' });
    result.className = 'result';
    await loadScreenings();
    byId('ticket-code').focus();
  });

  codeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('ticket-code');
    const code = input.value.trim();
    if (!code) return;
    await checkIn({ code });
    input.select();
  });

  select.addEventListener('change', () => void loadStats());
  byId('forget-token').addEventListener('click', () => {
    stopScan();
    askForToken();
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
  if (token()) {
    panel.hidden = false;
    await loadScreenings();
  } else {
    tokenForm.hidden = false;
  }
}
