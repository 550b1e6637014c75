import { defineConfig } from "vitest/config";

// Unit tests (pure TypeScript) and engine tests (real ONNX models; a tiny fixture package is exported once
// per run by tests/engine/globalSetup.ts). tests/api, tests/e2e and tests/ops have their own runners.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/engine/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Two busy cores: engine files load ONNX sessions; run files one at a time to keep timings honest.
    fileParallelism: false,
  },
});
