import { z } from "zod/mini";
import { themeSchema, type Theme } from "../../contract/session";
import type { ColorScheme, ThemeCommand } from "../../contract/bridge";
import { readStored, tabStorage, writeStored } from "../lib/tab-storage";

/**
 * The partner's look: CSS variables on the root element (`style.setProperty`, so a value can
 * change a variable and nothing else), from the launch token's `theme` claim or the host's
 * `theme.set`. Kept in this tab's sessionStorage so a reload looks the same.
 */

const STORAGE_KEY = "minted.embed.theme";

const storedSchema = z.object({
  variables: themeSchema,
  colorScheme: z.optional(z.enum(["light", "dark", "system"])),
});
type StoredTheme = z.infer<typeof storedSchema>;

let current: StoredTheme = { variables: {} };

/** Storage full or refused: the theme still holds for this page view. */
function save(): void {
  writeStored(tabStorage(), STORAGE_KEY, storedSchema, current);
}

function paint(root: HTMLElement): void {
  for (const [name, value] of Object.entries(current.variables))
    root.style.setProperty(name, value);
  const scheme = current.colorScheme ?? "system";
  if (scheme === "system") delete root.dataset.theme;
  else root.dataset.theme = scheme;
}

/** The variables a `theme.set` command stands for. */
export function themeVariables(command: ThemeCommand): Theme {
  const variables: Theme = {};
  for (const [name, value] of Object.entries(command.colors ?? {}))
    if (value) variables[`--color-${name}`] = value;
  if (command.radius) variables["--radius"] = command.radius;
  if (command.font) variables["--font-sans"] = command.font;
  return variables;
}

/** Adds variables (a launch token's theme, or a host's `theme.set`) and/or a colour scheme. */
export function applyTheme(
  change: { variables?: Theme; colorScheme?: ColorScheme },
  root: HTMLElement = document.documentElement,
): void {
  current = {
    variables: { ...current.variables, ...change.variables },
    colorScheme: change.colorScheme ?? current.colorScheme,
  };
  paint(root);
  save();
}

/** On start: the theme this tab had before a reload. */
export function restoreTheme(root: HTMLElement = document.documentElement): void {
  const stored = readStored(tabStorage(), STORAGE_KEY, storedSchema);
  if (!stored) return;
  current = stored;
  paint(root);
}

/** A new launch: the previous partner's theme goes (the token may bring its own). */
export function resetTheme(root: HTMLElement = document.documentElement): void {
  for (const name of Object.keys(current.variables)) root.style.removeProperty(name);
  current = { variables: {} };
  paint(root);
  save();
}

/** The host's safe-area insets (px): they replace `env(safe-area-inset-*)` in `--safe-*`. */
export function applyInsets(
  insets: { top: number; right: number; bottom: number; left: number },
  root: HTMLElement = document.documentElement,
): void {
  for (const side of ["top", "right", "bottom", "left"] as const)
    root.style.setProperty(`--host-inset-${side}`, `${String(insets[side])}px`);
}
