import { defineConfig } from "@playwright/test";

// Browser tests in Debian's Chromium (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
// Serves the built app against the tiny fixture package (tests/api/serveFixture.sh) unless
// TTS_BASE_URL points at a running server.   npx playwright test
const port = Number(process.env.E2E_PORT ?? 17862);
const external = process.env.TTS_BASE_URL?.replace(/\/$/, "");
const baseURL = external ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/artifacts/e2e-results",
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: "bash tests/api/serveFixture.sh",
        env: { PORT: String(port), TTS_MODEL_DIR: process.env.TTS_MODEL_DIR ?? "" },
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
      },
});
