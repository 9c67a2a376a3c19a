import { describe, expect, it } from "vitest";
import { isDeliverableUrl } from "./links";
import { themeVariables } from "./theme";

describe("file.open URLs", () => {
  it.each([
    ["https://shop.example/api/files/invoices/t/a.pdf", true],
    ["http://127.0.0.1:8080/api/files/invoices/t/a.pdf", true],
    ["http://localhost:8080/a.pdf", true],
    ["http://shop.example/a.pdf", false],
    ["blob:https://shop.example/0b5c", false],
    ["data:application/pdf;base64,AAAA", false],
  ])("%s → %s", (url, ok) => {
    expect(isDeliverableUrl(new URL(url))).toBe(ok);
  });
});

describe("theme.set → CSS variables", () => {
  it("maps colours, radius and font to the shop's tokens", () => {
    expect(
      themeVariables({
        colors: { primary: "#0a7d5a", surface: "rgb(1 2 3)" },
        radius: "4px",
        font: "Roboto, sans-serif",
      }),
    ).toEqual({
      "--color-primary": "#0a7d5a",
      "--color-surface": "rgb(1 2 3)",
      "--radius": "4px",
      "--font-sans": "Roboto, sans-serif",
    });
    expect(themeVariables({ colorScheme: "dark" })).toEqual({});
  });
});
