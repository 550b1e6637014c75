// deploy/logrotate/index-tts run by the real logrotate on a copy of the log folder: the file is rotated
// while a writer keeps it open (copytruncate), and the writer's next lines land in the fresh file.
import { execFileSync } from "node:child_process";
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tts-logrotate-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it("rotates logs/index-tts.log in place while the launcher keeps writing", () => {
  const config = readFileSync("deploy/logrotate/index-tts", "utf8");
  expect(config).toContain("/opt/index-tts/logs/*.log");
  writeFileSync(join(dir, "index-tts.conf"), config.replace("/opt/index-tts/logs", join(dir, "logs")));
  execFileSync("mkdir", ["-m", "0750", join(dir, "logs")]);
  const log = join(dir, "logs", "index-tts.log");
  const fd = openSync(log, "a"); // like tee -a in start_app.sh
  try {
    writeSync(fd, "before rotation\n".repeat(100));
    execFileSync("logrotate", ["--force", "--state", join(dir, "state"), join(dir, "index-tts.conf")]);
    expect(readdirSync(join(dir, "logs")).sort()).toEqual(["index-tts.log", "index-tts.log.1"]);
    expect(readFileSync(`${log}.1`, "utf8")).toContain("before rotation");
    writeSync(fd, "after rotation\n");
    expect(readFileSync(log, "utf8")).toBe("after rotation\n");
  } finally {
    closeSync(fd);
  }
  // The next rotation compresses the previous one (delaycompress).
  appendFileSync(log, "more\n");
  execFileSync("logrotate", ["--force", "--state", join(dir, "state"), join(dir, "index-tts.conf")]);
  expect(readdirSync(join(dir, "logs")).sort()).toEqual(["index-tts.log", "index-tts.log.1", "index-tts.log.2.gz"]);
});
