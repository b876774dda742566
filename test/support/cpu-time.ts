/**
 * CPU time of this process while `run` runs, in milliseconds. Tests that bound a hang use it
 * instead of the wall clock: on a loaded machine (CI, other jobs on two cores) the wall clock
 * stretches many times over while the work a call does, and so its CPU time, stays the same.
 */
export function cpuMs<T>(run: () => T): { ms: number; value: T } {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1_000, value };
}
