// deploy/systemd/index-tts.service checked by the real systemd-analyze (Debian's systemd package):
// `verify` must pass without a single warning, and the offline security review must rate it well.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const UNIT = "deploy/systemd/index-tts.service";

function verify(path: string) {
  return spawnSync("systemd-analyze", ["verify", path], { encoding: "utf8" });
}

/** Directive values of the [Service] section (a key may repeat). */
function serviceSettings(text: string): Map<string, string[]> {
  const section = text.split(/^\[Service\]$/m)[1].split(/^\[/m)[0];
  const settings = new Map<string, string[]>();
  for (const line of section.split("\n")) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) settings.set(m[1], [...(settings.get(m[1]) ?? []), m[2]]);
  }
  return settings;
}

describe("systemd unit", () => {
  it("passes systemd-analyze verify with no warnings", () => {
    const result = verify(UNIT);
    expect(result.stderr + result.stdout).toBe("");
    expect(result.status).toBe(0);
  });

  it("verify really checks: a broken copy of the unit is reported", () => {
    const dir = mkdtempSync(join(tmpdir(), "tts-unit-"));
    try {
      const broken = readFileSync(UNIT, "utf8")
        .replace("ProtectSystem=strict", "ProtectSystem=stricter")
        .replace("/usr/bin/bash", "/usr/bin/no-such-shell");
      writeFileSync(join(dir, "index-tts.service"), broken);
      const result = verify(join(dir, "index-tts.service"));
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/protect system value/i);
      expect(result.stderr).toMatch(/no-such-shell/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the launcher unprivileged, restarts always, logs to journald, is hardened", () => {
    const s = serviceSettings(readFileSync(UNIT, "utf8"));
    const one = (key: string) => s.get(key)?.join(" ");
    expect(one("User")).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(one("User")).not.toBe("root");
    expect(one("ExecStart")).toMatch(/start_app\.sh --no-setup$/);
    expect(one("Restart")).toBe("always");
    expect(one("StandardOutput")).toBe("journal");
    expect(one("EnvironmentFile")).toBe("-/etc/index-tts/env");
    expect(one("NoNewPrivileges")).toBe("true");
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("ProtectHome")).toBe("true");
    expect(one("PrivateTmp")).toBe("true");
    const writable = one("ReadWritePaths")?.split(/\s+/) ?? [];
    expect(writable).toEqual(expect.arrayContaining(["/opt/index-tts/logs", "/opt/index-tts/cache_hub"]));
    for (const path of writable) expect(path.replace(/^-/, "")).toMatch(/^\/opt\/index-tts\/(logs|cache_hub|\.next\/cache)$/);
  });

  it("rates 'OK' or better in systemd-analyze's offline security review (exposure <= 4.0)", () => {
    const out = execFileSync("systemd-analyze", ["security", "--offline=true", "--no-pager", UNIT], { encoding: "utf8" });
    const exposure = Number(/Overall exposure level for index-tts\.service: ([\d.]+)/.exec(out)?.[1]);
    expect(exposure).toBeGreaterThan(0);
    expect(exposure).toBeLessThanOrEqual(4.0);
  });
});
