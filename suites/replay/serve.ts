import { startReplayStack } from "./replay-stack.ts";

/**
 * The shop (built `dist/`) on REPLAY_SHOP_PORT, its proxy pointed at the replay upstream on
 * REPLAY_UPSTREAM_PORT: what playwright.replay.config.ts starts. REPLAY_SESSION_SECRET is the
 * proxy's SESSION_SECRET (the specs start their sessions with the proxy's `POST /dev/session`).
 */
const secret = process.env.REPLAY_SESSION_SECRET;
if (!secret || secret.length < 32) {
  console.error("[replay] REPLAY_SESSION_SECRET (≥ 32 characters) is required");
  process.exit(1);
}
const stack = await startReplayStack({
  port: Number(process.env.REPLAY_SHOP_PORT ?? "8190"),
  replayPort: Number(process.env.REPLAY_UPSTREAM_PORT ?? "4190"),
  sessionSecret: secret,
  echo: true,
});
console.log(`[replay] shop on ${stack.proxyUrl}, replay upstream on ${stack.replay.url}`);
setInterval(() => {
  const asked = stack.replay.requests.splice(0);
  for (const r of asked)
    console.log(`[replay] ${r.method} ${r.path} ${String(r.status)} (${r.op})`);
}, 1000);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    void stack.stop().then(() => process.exit(0));
  });
