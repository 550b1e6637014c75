// Next.js configuration for index-tts-web.
// Telemetry off for every next command run in this project (the config loads before telemetry starts).
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addon (and its .so files): loaded by Node at run time, never bundled.
  // lamejs is plain JS but large; keeping it external keeps server bundles small.
  serverExternalPackages: ["onnxruntime-node", "@node-rs/jieba", "@breezystack/lamejs"],
  poweredByHeader: false,
  // The type check is `tsc --noEmit` over the whole repository (tests/run.sh); a type error in a test
  // file must not stop a production build.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
