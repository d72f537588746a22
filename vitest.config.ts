import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Two workers even on two cores: many tests wait on a child process (a killed build, Chromium, npm), and the
    // other worker uses the core meanwhile.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files share their worker's modules (the pipeline, Zod, Arquero are loaded once per worker, not once
    // per file); no test changes a module's state or the environment of its process.
    isolate: false,
    // Some tests run the command line in a child process; on two cores they queue.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
