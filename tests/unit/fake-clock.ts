/** A clock for the registry policy's tests. */
import type { Clock } from '../../utils/engine/registry-policy';

/** A clock that moves only when a sleeper asks it to: sleeping jumps time forward at once. */
export function fakeClock(): Clock & { slept: number[] } {
  let time = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => time,
    sleep: async (ms) => {
      slept.push(ms);
      time += ms;
    },
  };
}
