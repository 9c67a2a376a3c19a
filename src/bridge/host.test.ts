import { describe, expect, it, vi } from "vitest";
import { detectHost, parentOriginOf } from "./host";

const post = () => ({ postMessage: vi.fn<(m: string) => void>() });

describe("detectHost", () => {
  it("React Native, iOS and Android by what the host injected", () => {
    const rn = post();
    expect(detectHost({ ReactNativeWebView: rn }, [])?.kind).toBe("react-native");
    detectHost({ ReactNativeWebView: rn }, [])?.post("x");
    expect(rn.postMessage).toHaveBeenCalledWith("x");
    expect(detectHost({ webkit: { messageHandlers: { mintedShop: post() } } }, [])?.kind).toBe(
      "ios",
    );
    expect(detectHost({ MintedShopAndroid: post() }, [])?.kind).toBe("android");
  });

  it("nothing for a plain browser or a half-injected object", () => {
    const self = {};
    expect(detectHost(Object.assign(self, { parent: self }), [])).toBeNull();
    expect(detectHost({ ReactNativeWebView: {} }, [])).toBeNull();
    expect(detectHost({ webkit: { messageHandlers: {} } }, [])).toBeNull();
    expect(detectHost({ MintedShopAndroid: { postMessage: "no" } }, [])).toBeNull();
  });

  it("an iframe parent only from an allowed origin, with that origin as the target", () => {
    const parent = { postMessage: vi.fn<(m: string, origin: string) => void>() };
    const framed = (origin: string) => ({
      parent,
      location: { ancestorOrigins: { length: 1, 0: origin } },
    });
    const host = detectHost(framed("https://bank.example"), ["https://bank.example"]);
    expect(host).toMatchObject({ kind: "iframe", parentOrigin: "https://bank.example" });
    host?.post("hi");
    expect(parent.postMessage).toHaveBeenCalledWith("hi", "https://bank.example");
    expect(detectHost(framed("https://evil.example"), ["https://bank.example"])).toBeNull();
  });

  it("the parent origin from the referrer when ancestorOrigins is missing (Firefox)", () => {
    expect(parentOriginOf({ document: { referrer: "https://bank.example/app?x=1" } })).toBe(
      "https://bank.example",
    );
    expect(parentOriginOf({ document: { referrer: "" } })).toBeNull();
  });
});
