import { defineConfig } from "vitest/config";

// Unit tests (pure TypeScript) and engine tests (real ONNX models: tests/engine/globalSetup.ts exports a
// tiny random-weight package once per run). tests/api, tests/e2e and tests/ops have their own runners.
//   npx vitest run --project unit     npx vitest run --project engine
export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "engine",
          include: ["tests/engine/**/*.test.ts"],
          globalSetup: ["tests/engine/globalSetup.ts"],
          // Two busy cores: engine files load ONNX sessions; one file at a time keeps timings honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
