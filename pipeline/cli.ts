/**
 * The command line: `node --import tsx pipeline/cli.ts COMMAND ...` (the npm scripts) runs one command of
 * commands/ on the process's own streams and exits with its code.
 */
import { runCommand } from "./commands/index.ts";
import { processIo } from "./io/command-io.ts";

// A reader that stops early (`build | head`) closes the pipe: the rest of the output has no reader, which is not an
// error; the command still finishes its work (extract stops, as nothing reads its mentions).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

process.exitCode = await runCommand(process.argv.slice(2), processIo());
