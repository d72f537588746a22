import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Several tests run the command line in a child process; on two cores they queue.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
