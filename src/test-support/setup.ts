import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, expect, vi } from "vitest";
import { activateLocale, loadAllMessages } from "../i18n/i18n";
import { endFakeApi, startFakeApi } from "./fake-api";
import { clearTestQueryClients } from "./render";

/**
 * Setup of the component tests (vitest project "components", happy-dom): the English catalog
 * as the app loads it, a fresh fake `fetch` and empty tab storage per test.
 */

beforeAll(async () => {
  await activateLocale("en");
  await loadAllMessages();
});

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  vi.stubGlobal("fetch", startFakeApi().fetch);
});

afterEach(() => {
  cleanup();
  clearTestQueryClients();
  vi.unstubAllGlobals();
  const unhandled = endFakeApi().unhandled.map((r) => `${r.method} ${r.path}`);
  expect(unhandled, "requests without a fake answer").toEqual([]);
});
