import { useEffect, useRef } from 'preact/hooks';

/**
 * Runs `refresh` now and every `everyMs` while the page is visible; a hidden tab (background, locked
 * phone) makes no requests, and showing it again refreshes at once. One request at a time. A change of
 * `key` starts again; `enabled` false stops it.
 */
export function useLive(refresh: () => Promise<void>, everyMs: number, key: unknown = undefined, enabled = true): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    let stopped = false;
    const tick = async () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState !== 'visible' || running) return;
      running = true;
      try {
        await latest.current();
      } finally {
        running = false;
        if (!stopped && document.visibilityState === 'visible') timer = setTimeout(tick, everyMs);
      }
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? void tick() : clearTimeout(timer));
    document.addEventListener('visibilitychange', onVisibility);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [everyMs, key, enabled]);
}
