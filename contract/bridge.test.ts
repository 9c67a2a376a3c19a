import { describe, expect, it } from "vitest";
import { parseCommand, serializeEvent } from "./bridge.ts";

describe("parseCommand", () => {
  it("reads every command as a JSON string", () => {
    expect(
      parseCommand(
        '{"v":1,"type":"theme.set","payload":{"colors":{"primary":"#0a7d5a"},"radius":"4px","colorScheme":"dark"}}',
      ),
    ).toEqual({
      v: 1,
      type: "theme.set",
      payload: { colors: { primary: "#0a7d5a" }, radius: "4px", colorScheme: "dark" },
    });
    expect(parseCommand('{"v":1,"type":"back","id":"b1"}')).toEqual({
      v: 1,
      type: "back",
      id: "b1",
    });
    expect(parseCommand({ v: 1, type: "locale.set", payload: { locale: "en" } })?.type).toBe(
      "locale.set",
    );
    expect(
      parseCommand({
        v: 1,
        type: "insets.set",
        payload: { top: 44, right: 0, bottom: 34, left: 0 },
      }),
    ).not.toBeNull();
    expect(
      parseCommand({ v: 1, type: "currency.set", payload: { currency: "USD" } }),
    ).not.toBeNull();
    expect(
      parseCommand({ v: 1, type: "session.refresh", payload: { token: "a.b.c" } }),
    ).not.toBeNull();
    expect(parseCommand('{"v":1,"type":"session.end","id":"e1"}')).toEqual({
      v: 1,
      type: "session.end",
      id: "e1",
    });
    expect(parseCommand({ v: 1, type: "session.end", payload: {} })?.type).toBe("session.end");
  });

  it.each([
    ["not JSON", "{v:1"],
    ["another version", '{"v":2,"type":"back"}'],
    ["no version", '{"type":"back"}'],
    ["an unknown type", '{"v":1,"type":"pay.now","payload":{}}'],
    [
      "an event, not a command",
      '{"v":1,"type":"ready","payload":{"protocol":"minted-shop","version":1}}',
    ],
    ["a bad locale", '{"v":1,"type":"locale.set","payload":{"locale":"de"}}'],
    [
      "a colour that fetches",
      '{"v":1,"type":"theme.set","payload":{"colors":{"primary":"url(https://x)"}}}',
    ],
    [
      "a colour that breaks out",
      '{"v":1,"type":"theme.set","payload":{"colors":{"primary":"red;}body{x:y"}}}',
    ],
    ["an unknown colour", '{"v":1,"type":"theme.set","payload":{"colors":{"evil":"#fff"}}}'],
    ["a font with a url", '{"v":1,"type":"theme.set","payload":{"font":"url(x)"}}'],
    [
      "negative insets",
      '{"v":1,"type":"insets.set","payload":{"top":-1,"right":0,"bottom":0,"left":0}}',
    ],
    ["an empty token", '{"v":1,"type":"session.refresh","payload":{"token":""}}'],
    ["session.end with a non-object payload", '{"v":1,"type":"session.end","payload":"now"}'],
    ["a number", 42],
    ["null", null],
  ])("ignores %s", (_name, raw) => {
    expect(parseCommand(raw)).toBeNull();
  });
});

describe("serializeEvent", () => {
  it("writes the versioned envelope with the id of the command it answers", () => {
    expect(JSON.parse(serializeEvent("back.result", { handled: true }, "b1"))).toEqual({
      v: 1,
      type: "back.result",
      payload: { handled: true },
      id: "b1",
    });
    expect(JSON.parse(serializeEvent("ready", { protocol: "minted-shop", version: 1 }))).toEqual({
      v: 1,
      type: "ready",
      payload: { protocol: "minted-shop", version: 1 },
    });
  });
  it("refuses a payload that breaks the contract", () => {
    expect(() => serializeEvent("link.open", { url: "javascript:alert(1)" })).toThrow();
  });
});
