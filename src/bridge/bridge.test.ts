import { describe, expect, it, vi } from "vitest";
import type { BridgeCommand } from "../../contract/bridge";
import { Bridge, type BridgeWindow } from "./bridge";

type Listener = (event: Event) => void;

function fakeWindow(extra: Record<string, unknown>) {
  const listeners: { window: Listener[]; document: Listener[] } = { window: [], document: [] };
  const sent: string[] = [];
  const win = {
    ...extra,
    addEventListener: (_type: string, l: Listener) => listeners.window.push(l),
    document: { addEventListener: (_type: string, l: Listener) => listeners.document.push(l) },
  } as BridgeWindow & Record<string, unknown>;
  if (!("parent" in extra)) win.parent = win;
  const fire = (
    on: "window" | "document",
    init: { data: unknown; origin: string; source: unknown },
  ) => {
    const event = Object.assign(new Event("message"), init);
    for (const l of listeners[on]) l(event);
  };
  return { win, sent, fire };
}

const noConfig = () => Promise.reject(new Error("not framed"));

describe("Bridge", () => {
  it("sends ready first, then what waited, and only then newer events", async () => {
    const sent: string[] = [];
    const { win } = fakeWindow({
      ReactNativeWebView: { postMessage: (m: string) => sent.push(m) },
    });
    const bridge = new Bridge();
    bridge.send("auth.expired", {});
    await bridge.start({ win, loadParentOrigins: noConfig });
    bridge.send("close.requested", {});
    expect(sent.map((m) => (JSON.parse(m) as { type: string }).type)).toEqual([
      "ready",
      "auth.expired",
      "close.requested",
    ]);
    expect(bridge.embedded).toBe(true);
  });

  it("takes commands on window and document and from the global function; ignores frames and junk", async () => {
    const { win, fire } = fakeWindow({ MintedShopAndroid: { postMessage: () => undefined } });
    const bridge = new Bridge();
    await bridge.start({ win, loadParentOrigins: noConfig });
    const got: BridgeCommand[] = [];
    bridge.onCommand((c) => {
      got.push(c);
    });
    const back = '{"v":1,"type":"back","id":"1"}';
    fire("window", { data: back, origin: "", source: null });
    fire("document", { data: back, origin: "", source: null });
    // A payment page's frame, and malformed messages, are ignored.
    fire("window", { data: back, origin: "https://3ds.bank.example", source: {} });
    fire("window", { data: "{nope", origin: "", source: null });
    fire("window", {
      data: '{"v":1,"type":"locale.set","payload":{"locale":"xx"}}',
      origin: "",
      source: null,
    });
    const global = (win as unknown as { MintedShop: { receive: (m: unknown) => void } }).MintedShop;
    global.receive('{"v":1,"type":"locale.set","payload":{"locale":"en"}}');
    expect(got.map((c) => c.type)).toEqual(["back", "back", "locale.set"]);
  });

  it("an iframe: only its allowed parent, as source and origin", async () => {
    const parent = { postMessage: vi.fn() };
    const { win, fire } = fakeWindow({
      parent,
      location: { ancestorOrigins: { length: 1, 0: "https://bank.example" } },
    });
    const bridge = new Bridge();
    await bridge.start({ win, loadParentOrigins: () => Promise.resolve(["https://bank.example"]) });
    expect(parent.postMessage).toHaveBeenCalledWith(
      expect.stringContaining('"ready"'),
      "https://bank.example",
    );
    const handler = vi.fn();
    bridge.onCommand(handler);
    const back = '{"v":1,"type":"back"}';
    fire("window", { data: back, origin: "https://evil.example", source: parent });
    fire("window", { data: back, origin: "https://bank.example", source: {} });
    fire("window", { data: back, origin: "", source: null });
    expect(handler).not.toHaveBeenCalled();
    fire("window", { data: back, origin: "https://bank.example", source: parent });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("a frame whose parent is not allowed is standalone: nothing sent, nothing heard", async () => {
    const parent = { postMessage: vi.fn() };
    const { win } = fakeWindow({
      parent,
      location: { ancestorOrigins: { length: 1, 0: "https://evil.example" } },
    });
    const bridge = new Bridge();
    expect(
      await bridge.start({
        win,
        loadParentOrigins: () => Promise.resolve(["https://bank.example"]),
      }),
    ).toBeNull();
    bridge.send("close.requested", {});
    expect(parent.postMessage).not.toHaveBeenCalled();
    expect(bridge.embedded).toBe(false);
  });
});
