/**
 * Decides whether the portal is reachable: the browser's online/offline events say when to look, a
 * periodic health probe says what is true (navigator.onLine alone lies on captive or dead links).
 */
export const PROBE_INTERVAL_MS = 5000;

export function monitorConnectivity(probe: () => Promise<boolean>, onChange: (online: boolean) => void, intervalMs = PROBE_INTERVAL_MS): () => void {
  let last: boolean | undefined;
  let stopped = false;
  let running = false;

  async function check(): Promise<void> {
    if (stopped || running) return;
    running = true;
    try {
      const online = navigator.onLine !== false && (await probe());
      if (!stopped && online !== last) {
        last = online;
        onChange(online);
      }
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void check(), intervalMs);
  const onBrowserChange = () => void check();
  window.addEventListener('online', onBrowserChange);
  window.addEventListener('offline', onBrowserChange);
  void check();
  return () => {
    stopped = true;
    clearInterval(timer);
    window.removeEventListener('online', onBrowserChange);
    window.removeEventListener('offline', onBrowserChange);
  };
}
