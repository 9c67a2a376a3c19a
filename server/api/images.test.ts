import { describe, expect, it } from "vitest";
import type { Logger } from "../deps.ts";
import { proxyEnvSchema } from "../env.ts";
import { ApiError } from "../problem.ts";
import type { CatalogEntry, CatalogSource } from "./catalog-source.ts";
import { checkedImageUrl, createImageProxy, imageResponse } from "./images.ts";

const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => logger,
};
const env = proxyEnvSchema.parse({ NODE_ENV: "test", MINTED_API_URL: "https://api.minted.test" });

function catalogWith(urls: string[]): CatalogSource {
  const entry: CatalogEntry = {
    product: {
      sku: "SKU1",
      name: "Bar",
      description: "",
      metal: "gold",
      type: "bar",
      weightGrams: 1,
      purity: 999.9,
      price: { amount: 1, listAmount: 1, currency: "TRY" },
      vatRate: 0,
      stock: { available: 1, state: "low" },
      images: [],
      barcode: null,
      category: { id: "1", name: "Bars", slug: "gold-bars", metal: "gold", type: "bar" },
    },
    imageUrls: urls,
  };
  return {
    products: () => Promise.resolve([entry]),
    product: (sku) => Promise.resolve(sku === "SKU1" ? entry : null),
    categories: () => Promise.resolve([]),
  };
}

function proxyFor(urls: string[], answer: () => Response) {
  let calls = 0;
  const fetchImpl: typeof fetch = () => {
    calls++;
    return Promise.resolve(answer());
  };
  const images = createImageProxy({ env, logger, now: () => 0 }, catalogWith(urls), fetchImpl);
  return { images, calls: () => calls };
}

const svg = () =>
  new Response("<svg xmlns='http://www.w3.org/2000/svg'/>", {
    headers: { "content-type": "image/svg+xml; charset=utf-8" },
  });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof ApiError ? error.code : "other";
  }
}

describe("image proxy", () => {
  it("accepts only http(s) URLs on the API origin or an allow-listed CDN", () => {
    const allowed = new Set(["https://api.minted.test"]);
    expect(checkedImageUrl("https://api.minted.test/cdn/a.svg", allowed)?.href).toBe(
      "https://api.minted.test/cdn/a.svg",
    );
    expect(checkedImageUrl("https://evil.test/a.svg", allowed)).toBeNull();
    expect(checkedImageUrl("https://api.minted.test.evil.test/a.svg", allowed)).toBeNull();
    expect(checkedImageUrl("https://user:pw@api.minted.test/a.svg", allowed)).toBeNull();
    expect(checkedImageUrl("file:///etc/passwd", allowed)).toBeNull();
    expect(checkedImageUrl("not a url", allowed)).toBeNull();
  });

  it("fetches once, caches, and answers with the image type and headers", async () => {
    const { images, calls } = proxyFor(["https://api.minted.test/cdn/SKU1/1.svg"], svg);
    const first = await images.get("SKU1", 1);
    await images.get("SKU1", 1);
    expect(calls()).toBe(1);
    const res = imageResponse(first);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    const png = imageResponse({ type: "image/png", body: new Uint8Array([137, 80]) });
    expect(png.headers.get("content-security-policy")).toBeNull();
  });

  it("refuses other content types, foreign origins and missing images", async () => {
    const html = proxyFor(
      ["https://api.minted.test/x"],
      () => new Response("<script>", { headers: { "content-type": "text/html" } }),
    );
    expect(await codeOf(html.images.get("SKU1", 1))).toBe("upstream_invalid");
    const foreign = proxyFor(["https://evil.test/x.svg"], svg);
    expect(await codeOf(foreign.images.get("SKU1", 1))).toBe("not_found");
    expect(foreign.calls()).toBe(0);
    const gone = proxyFor(
      ["https://api.minted.test/x.svg"],
      () => new Response("", { status: 404 }),
    );
    expect(await codeOf(gone.images.get("SKU1", 1))).toBe("not_found");
    expect(await codeOf(gone.images.get("SKU1", 2))).toBe("not_found");
    expect(await codeOf(gone.images.get("OTHER", 1))).toBe("not_found");
  });
});
