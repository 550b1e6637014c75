// Ops tests drive real processes (nginx, systemd-analyze, the launcher, HTTP servers): run them one file
// at a time with generous timeouts, the machine may be busy training.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/ops/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
