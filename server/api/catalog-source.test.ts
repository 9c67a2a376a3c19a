import { describe, expect, it } from "vitest";
import { MINTED_OPERATIONS } from "../../minted/operations.ts";
import { categoryView, productView } from "./catalog-source.ts";

/**
 * Minted documents the Product's 12 fields but not what is inside `basecurrency` and `category`:
 * the shop must show a product from whatever of those it is given.
 */
const documentedOnly = MINTED_OPERATIONS.product.response.parse({
  id: 3000065,
  name: "Minted 1 Gr 999,9 Külçe Altın (NadirGold)",
  text: "Ürün açıklaması",
  barcode: "MNTMNT0001",
  sku: "MNT0001",
  stock: 20,
  currency_code: "TRY",
  list_price: 2914.73,
  sale_price: 2914.73,
  product_images: [],
  basecurrency: { metal: "gold" },
  category: { name: "Külçe Altın" },
});

describe("a product with only the documented fields", () => {
  it("is shown, with what Minted did not say left empty", () => {
    const entry = productView(documentedOnly);
    expect(entry?.product).toMatchObject({
      sku: "MNT0001",
      metal: "gold",
      type: "bar",
      weightGrams: null,
      purity: null,
      category: { id: "kulce-altin", name: "Külçe Altın", slug: "kulce-altin", metal: "gold" },
    });
  });

  it("takes the metal from the category when the base currency does not name it", () => {
    const entry = productView({
      ...documentedOnly,
      basecurrency: {},
      category: { id: 7, name: "Gümüş Sikke", metal: "silver" },
    });
    expect(entry?.product).toMatchObject({ metal: "silver", type: "coin" });
  });

  it("is left out only when no metal is named anywhere (the shop sells metals)", () => {
    expect(productView({ ...documentedOnly, basecurrency: {}, category: {} })).toBeNull();
    expect(categoryView({ name: "Hediye" })).toBeNull();
  });
});

describe("the product's VAT rate (inferred: Minted's Product has none)", () => {
  it("is 0 for investment gold of 995‰ and above, 20 % for a 22-carat coin", () => {
    const bar = productView({ ...documentedOnly, basecurrency: { metal: "gold", purity: 999.9 } });
    const coin = productView({ ...documentedOnly, basecurrency: { metal: "gold", purity: 916 } });
    expect(bar?.product.vatRate).toBe(0);
    expect(coin?.product.vatRate).toBe(20);
  });

  it("is 20 % for gold whose fineness is not given, and for silver", () => {
    expect(productView(documentedOnly)?.product.vatRate).toBe(20);
    const silver = productView({
      ...documentedOnly,
      basecurrency: { metal: "silver", purity: 999.9 },
    });
    expect(silver?.product.vatRate).toBe(20);
  });
});
