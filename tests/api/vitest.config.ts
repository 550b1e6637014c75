import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// API tests against a running server (started by globalSetup.ts, or TTS_BASE_URL).
//   npx vitest run --config tests/api/vitest.config.ts
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("../..", import.meta.url)) } },
  test: {
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tests/api/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/api/globalSetup.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // One server, two busy cores: files run one after another so timing-based checks stay honest.
    fileParallelism: false,
  },
});
