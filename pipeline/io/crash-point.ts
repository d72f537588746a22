/**
 * Fault injection for tests: when the environment variable RUSSIA_DPRK_DATA_CRASH_AT names a step, the process
 * kills itself with SIGKILL on reaching it, as a power cut or `kill -9` would, so tests can check that the next
 * run recovers. Unset (always, outside tests), a crash point costs one environment lookup.
 */
export const CRASH_AT_VARIABLE = "RUSSIA_DPRK_DATA_CRASH_AT";

export function crashPoint(step: string): void {
  if (process.env[CRASH_AT_VARIABLE] === step) process.kill(process.pid, "SIGKILL");
}
