/**
 * A path the user typed on the command line. `npm run` starts every script in the package's folder and says
 * where the user was in INIT_CWD, so a relative path means that folder, whichever command takes it.
 */
import { resolve } from "node:path";

export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
