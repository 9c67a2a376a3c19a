// .po catalogs are compiled to JS modules at build time: a whole catalog by @lingui/vite-plugin,
// its shell part (`?shell`) or everything else (`?rest`) by scripts/vite-plugin-split-messages.ts.
declare module "*.po" {
  import type { Messages } from "@lingui/core";

  export const messages: Messages;
}

declare module "*.po?shell" {
  import type { Messages } from "@lingui/core";

  export const messages: Messages;
}

declare module "*.po?rest" {
  import type { Messages } from "@lingui/core";

  export const messages: Messages;
}
