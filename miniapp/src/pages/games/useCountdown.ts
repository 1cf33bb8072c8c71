import { useEffect, useState } from 'react';

/**
 * Whole seconds left until a server deadline, counted on the server's clock: the phone's clock only
 * measures time since the answer that carried `serverTime`, so a phone set wrong shows the same countdown.
 */
export function useCountdown(deadline: string | null, serverTime: string | null): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!deadline || !serverTime) {
      setLeft(null);
      return;
    }
    const offset = Date.parse(serverTime) - Date.now();
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(deadline) - Date.now() - offset) / 1000)));
    tick();
    const t = setInterval(tick, 500);
    return () => clearInterval(t);
  }, [deadline, serverTime]);
  return left;
}
