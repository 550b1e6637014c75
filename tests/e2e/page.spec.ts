/**
 * The page in a real browser against the real server: generate with an emotion, waveform and audio
 * element, download, history across reloads, an API error, cancel, language/theme, and a phone layout.
 */
import { expect, type Page, test } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";

const ARTIFACTS = "tests/artifacts";
mkdirSync(ARTIFACTS, { recursive: true });

// Long enough that even the random-weight fixture model produces a few seconds of audio.
const TEXT = "Good morning! The weather today is bright and clear, with a gentle breeze from the west. "
  + "Later this afternoon, clouds will gather over the hills, and a little rain may fall before sunset.";

/** Duration of a mono 16-bit PCM WAV from its header. */
function wavSeconds(bytes: Buffer): number {
  expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
  const rate = bytes.readUInt32LE(24);
  const dataBytes = bytes.readUInt32LE(40);
  expect(dataBytes).toBe(bytes.length - 44);
  return dataBytes / 2 / rate;
}

async function freshPage(page: Page): Promise<void> {
  await page.goto("/");
  // Each test starts with an empty history and default preferences.
  await page.evaluate(async () => {
    localStorage.clear();
    await new Promise<void>((resolve) => { const r = indexedDB.deleteDatabase("index-tts-web"); r.onsuccess = r.onerror = r.onblocked = () => resolve(); });
  });
  await page.reload();
  await expect(page.getByTestId("voice-select")).not.toHaveValue("");
}

async function generate(page: Page, text = TEXT): Promise<void> {
  await page.getByTestId("text-input").fill(text);
  await page.getByTestId("generate").click();
  await expect(page.locator('[data-testid=waveform][data-ready=true]')).toBeVisible({ timeout: 60_000 });
}

test("type, choose an emotion, generate: waveform, audio duration matches the WAV, download, figures", async ({ page }) => {
  await freshPage(page);
  await page.getByTestId("text-input").fill(TEXT);
  await expect(page.getByTestId("char-count")).toContainText(`${TEXT.length} /`);
  await expect(page.getByTestId("segment-preview")).toBeVisible();
  await page.getByTestId("emotion-mode").getByRole("radio", { name: "Preset" }).click();
  await page.getByTestId("preset-happy").click();
  await expect(page.getByTestId("preset-happy")).toHaveAttribute("aria-checked", "true");

  const request = page.waitForRequest((r) => r.url().endsWith("/api/tts") && r.method() === "POST");
  await page.getByTestId("generate").click();
  const body = JSON.parse((await request).postData()!);
  expect(body).toMatchObject({ text: TEXT, emotion: "happy", emotion_weight: 1, stream: "events" });
  await expect(page.locator('[data-testid=waveform][data-ready=true]')).toBeVisible({ timeout: 60_000 });
  // wavesurfer drew the waveform into its canvas.
  expect(await page.locator("[data-testid=waveform] div").first().evaluate((el) => {
    const root = el.shadowRoot ?? el.parentElement!.querySelector("div")!.shadowRoot;
    return root ? root.querySelectorAll("canvas").length : 0;
  })).toBeGreaterThan(0);

  const download = page.waitForEvent("download");
  await page.getByTestId("download").click();
  const file = `${ARTIFACTS}/e2e-download.wav`;
  await (await download).saveAs(file);
  const wav = readFileSync(file);
  const seconds = wavSeconds(wav);
  expect(seconds).toBeGreaterThan(0.2);

  const audioDuration = await page.getByTestId("result-audio").evaluate((a: HTMLAudioElement) => a.duration);
  expect(Math.abs(audioDuration - seconds)).toBeLessThan(0.02);
  await expect(page.getByTestId("fig-duration")).toHaveText(`${seconds.toFixed(2)} s`);
  await expect(page.getByTestId("time-display")).toContainText(`/ 0:${seconds.toFixed(1).padStart(4, "0")}`);

  // It plays: the media clock advances.
  await page.getByTestId("play-pause").click();
  await expect.poll(() => page.getByTestId("result-audio").evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.getByTestId("play-pause").click();
  // Seek: a click at the middle of the waveform moves the media clock there.
  const box = (await page.getByTestId("waveform").boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.getByTestId("result-audio").evaluate((a: HTMLAudioElement) => a.currentTime / a.duration)).toBeGreaterThan(0.4);
  expect(await page.getByTestId("result-audio").evaluate((a: HTMLAudioElement) => a.currentTime / a.duration)).toBeLessThan(0.6);
  await page.getByTestId("zoom").fill("200");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/e2e-desktop-result.png` });
});

test("history survives a reload; load and reuse an entry; delete", async ({ page }) => {
  await freshPage(page);
  await page.getByTestId("emotion-mode").getByRole("radio", { name: "Mix" }).click();
  await page.getByTestId("slider-sad").fill("0.8");
  await page.getByTestId("text-input").fill(TEXT);
  await page.getByTestId("text-input").press("Control+Enter"); // the keyboard shortcut
  await expect(page.locator('[data-testid=waveform][data-ready=true]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("history-item")).toHaveCount(1);
  const first = await page.getByTestId("result-audio").evaluate((a: HTMLAudioElement) => a.duration);

  await page.reload();
  await expect(page.getByTestId("history-item")).toHaveCount(1);
  await expect(page.getByTestId("history-item").first()).toContainText("Good morning!");
  await expect(page.getByTestId("history-item").first()).toContainText("Sad 0.8");
  await page.getByTestId("history-load").click();
  await expect(page.locator('[data-testid=waveform][data-ready=true]')).toBeVisible();
  expect(Math.abs(await page.getByTestId("result-audio").evaluate((a: HTMLAudioElement) => a.duration) - first)).toBeLessThan(0.001);

  await page.getByTestId("history-reuse").click();
  await expect(page.getByTestId("text-input")).toHaveValue(TEXT);
  await expect(page.getByTestId("emotion-mode").getByRole("radio", { name: "Mix" })).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("slider-sad")).toHaveValue("0.8");

  await page.getByTestId("history-delete").click();
  await expect(page.getByTestId("history-item")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("history")).toBeVisible();
  await expect(page.getByTestId("history-item")).toHaveCount(0);
});

test("an API error is shown to the user (text over the server's limit)", async ({ page }) => {
  await freshPage(page);
  const limits = await (await page.request.get("/api/voices")).json();
  const tooLong = "word ".repeat(Math.ceil(limits.limits.maxChars / 5) + 10);
  await page.getByTestId("text-input").fill(tooLong);
  await expect(page.getByTestId("char-count")).toHaveClass(/text-rose-600/);
  const response = page.waitForResponse((r) => r.url().endsWith("/api/tts"));
  await page.getByTestId("generate").click();
  expect((await response).status()).toBe(413);
  await expect(page.getByTestId("error-banner")).toBeVisible();
  await expect(page.getByTestId("error-code")).toHaveText("text_too_long");
  await expect(page.getByTestId("error-message")).toContainText(`${limits.limits.maxChars} characters`);
  await page.screenshot({ path: `${ARTIFACTS}/e2e-error.png` });
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("error-banner")).toHaveCount(0);
});

test("a generation can be cancelled", async ({ page }) => {
  await freshPage(page);
  // Many segments at the most ODE steps: long enough to cancel midway, even with the tiny fixture model.
  const long = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} is part of a long text that takes a while to speak.`).join(" ");
  await page.getByTestId("advanced").locator("summary").click();
  await page.getByTestId("steps-auto").uncheck();
  await page.getByTestId("steps").fill("32");
  await page.getByTestId("text-input").fill(long);
  await page.getByTestId("generate").click();
  await expect(page.getByTestId("progress")).toBeVisible();
  await expect(page.getByTestId("progress-stage")).not.toBeEmpty();
  // Audio streams in while the job is still running (and plays, with "Play while generating").
  await expect(page.getByTestId("audio-ready")).toBeVisible();
  expect(Number(await page.getByTestId("audio-ready").getAttribute("data-seconds"))).toBeGreaterThan(0);
  await expect(page.getByTestId("cancel")).toBeVisible();
  const requestFailed = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/api/tts"));
  await page.getByTestId("cancel").click();
  await requestFailed; // the browser dropped the connection mid-stream
  await expect(page.getByTestId("generate")).toBeEnabled();
  await expect(page.getByTestId("error-banner")).toHaveCount(0);
  await expect(page.getByTestId("history-item")).toHaveCount(0);
  // The server let go of the job.
  await expect.poll(async () => (await (await page.request.get("/api/health")).json()).packages[0].queue.active, { timeout: 10_000 }).toBe(0);
});

test("Chinese UI and dark theme, kept across reloads", async ({ page }) => {
  await freshPage(page);
  await page.getByTestId("lang-toggle").click();
  await expect(page.getByTestId("generate")).toContainText("生成");
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByTestId("generate")).toContainText("生成");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByTestId("text-input").fill("今天天气很好。Good morning, everyone, and welcome to the show tonight!");
  await page.getByTestId("emotion-mode").getByRole("radio", { name: "随机" }).click();
  await page.waitForTimeout(300); // let the control's colour transition finish before the screenshot
  await page.screenshot({ path: `${ARTIFACTS}/e2e-dark-zh.png` });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the page fits a phone screen and works", async ({ page }) => {
    await freshPage(page);
    await generate(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Panels are stacked: the result is below the text box, both full width.
    const text = (await page.getByTestId("text-input").boundingBox())!;
    const result = (await page.getByTestId("result-panel").boundingBox())!;
    expect(result.y).toBeGreaterThan(text.y + text.height);
    expect(result.width).toBeGreaterThan(330);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}/e2e-mobile.png`, fullPage: true });
  });
});
