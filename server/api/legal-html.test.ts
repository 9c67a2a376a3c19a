import { describe, expect, it } from "vitest";
import { sanitizeLegalHtml } from "./legal-html.ts";

describe("sanitizeLegalHtml", () => {
  it("keeps the document's structure", () => {
    const html =
      '<article class="minted-legal" lang="tr" data-type="distance_sales"><header><h1>Mesafeli Satış Sözleşmesi</h1></header>' +
      "<section><h2>1. Taraflar</h2><dl><dt>Satıcı</dt><dd>Minted</dd></dl>" +
      '<table><thead><tr><th scope="col">Ürün</th></tr></thead><tbody><tr><td>1 g</td></tr></tbody></table></section></article>';
    expect(sanitizeLegalHtml(html)).toBe(
      '<article lang="tr"><header><h1>Mesafeli Satış Sözleşmesi</h1></header>' +
        "<section><h2>1. Taraflar</h2><dl><dt>Satıcı</dt><dd>Minted</dd></dl>" +
        '<table><thead><tr><th scope="col">Ürün</th></tr></thead><tbody><tr><td>1 g</td></tr></tbody></table></section></article>',
    );
  });

  it("strips scripts, styles, frames, objects, handlers and javascript: links", () => {
    const html =
      '<p onclick="steal()" style="color:red">Metin<script>alert(1)</script></p>' +
      '<style>p{}</style><iframe src="https://evil.example"></iframe><object data="x.swf"></object>' +
      '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a><a href="data:text/html,x">c</a>' +
      '<a href="https://minted.example/kvkk" target="_blank">d</a><img src=x onerror=alert(1)>' +
      '<svg><script>alert(1)</script></svg><form action="https://evil.example"><input name="x"></form>';
    expect(sanitizeLegalHtml(html)).toBe(
      '<p>Metin</p><a rel="noopener noreferrer">a</a><a rel="noopener noreferrer">b</a><a rel="noopener noreferrer">c</a>' +
        '<a href="https://minted.example/kvkk" rel="noopener noreferrer">d</a>',
    );
  });
});
