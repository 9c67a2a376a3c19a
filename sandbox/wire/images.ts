import type { ProductDef } from "../domain/catalog.ts";

const PALETTE = {
  gold: { light: "#fbe7a1", mid: "#e0b84f", dark: "#a97a18", ink: "#6b4a05" },
  silver: { light: "#f4f6f8", mid: "#c4cad1", dark: "#858d97", ink: "#3f4650" },
  platinum: { light: "#eef0f3", mid: "#b9bfc9", dark: "#7c8594", ink: "#394150" },
} as const;

function esc(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch,
  );
}

function weightLabel(p: ProductDef): string {
  if (p.type === "digital") return "1 g";
  return p.weight >= 1000 ? `${p.weight / 1000} kg` : `${String(p.weight).replace(".", ",")} g`;
}

function defs(p: ProductDef): string {
  const c = PALETTE[p.metal];
  return `<defs>
<linearGradient id="face" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c.light}"/><stop offset=".45" stop-color="${c.mid}"/><stop offset="1" stop-color="${c.dark}"/></linearGradient>
<linearGradient id="edge" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c.mid}"/><stop offset="1" stop-color="${c.dark}"/></linearGradient>
<radialGradient id="coin" cx=".38" cy=".32" r=".8"><stop offset="0" stop-color="${c.light}"/><stop offset=".6" stop-color="${c.mid}"/><stop offset="1" stop-color="${c.dark}"/></radialGradient>
<filter id="shadow" x="-20%" y="-20%" width="140%" height="150%"><feDropShadow dx="0" dy="18" stdDeviation="18" flood-color="#000" flood-opacity=".22"/></filter>
</defs>`;
}

function bar(p: ProductDef, back: boolean): string {
  const c = PALETTE[p.metal];
  const metalName = { gold: "FINE GOLD", silver: "FINE SILVER", platinum: "PLATINUM" }[p.metal];
  const purity = String(p.purity).replace(".", ",");
  const serial = `MN ${String(p.id).slice(-5)}${p.sku.slice(-3)}`;
  const face = back
    ? Array.from({ length: 7 }, (_, row) =>
        Array.from(
          { length: 5 },
          (_, col) =>
            `<text x="${250 + col * 75}" y="${225 + row * 62}" font-size="22" text-anchor="middle" fill="${c.ink}" opacity=".35" font-weight="700">M</text>`,
        ).join(""),
      ).join("")
    : `<text x="400" y="250" font-size="34" letter-spacing="10" text-anchor="middle" fill="${c.ink}" font-weight="700">MINTED</text>
<line x1="290" y1="280" x2="510" y2="280" stroke="${c.ink}" stroke-opacity=".4" stroke-width="2"/>
<text x="400" y="390" font-size="92" text-anchor="middle" fill="${c.ink}" font-weight="800">${esc(weightLabel(p))}</text>
<text x="400" y="455" font-size="30" letter-spacing="6" text-anchor="middle" fill="${c.ink}" font-weight="600">${metalName}</text>
<text x="400" y="505" font-size="34" text-anchor="middle" fill="${c.ink}" font-weight="700">${purity}</text>
<text x="400" y="575" font-size="20" letter-spacing="4" text-anchor="middle" fill="${c.ink}" opacity=".7">${esc(serial)}</text>`;
  return `<g filter="url(#shadow)"><rect x="200" y="150" width="400" height="520" rx="34" fill="url(#edge)"/>
<rect x="222" y="172" width="356" height="476" rx="24" fill="url(#face)"/>
<rect x="222" y="172" width="356" height="476" rx="24" fill="none" stroke="#fff" stroke-opacity=".45" stroke-width="3"/></g>
${face}`;
}

function coin(p: ProductDef, back: boolean): string {
  const c = PALETTE[p.metal];
  const label = p.metal === "gold" ? "22 AYAR" : `${p.purity}`;
  const inner = back
    ? `<path d="M400 260 l28 58 64 9 -46 45 11 64 -57 -30 -57 30 11 -64 -46 -45 64 -9z" fill="${c.ink}" opacity=".55"/>
<text x="400" y="540" font-size="30" letter-spacing="6" text-anchor="middle" fill="${c.ink}" font-weight="700">${esc(label)}</text>`
    : `<text x="400" y="330" font-size="30" letter-spacing="8" text-anchor="middle" fill="${c.ink}" font-weight="700">MINTED</text>
<text x="400" y="430" font-size="78" text-anchor="middle" fill="${c.ink}" font-weight="800">${esc(weightLabel(p))}</text>
<text x="400" y="490" font-size="28" letter-spacing="4" text-anchor="middle" fill="${c.ink}" font-weight="600">${esc(label)}</text>`;
  return `<g filter="url(#shadow)"><circle cx="400" cy="400" r="270" fill="url(#edge)"/><circle cx="400" cy="400" r="246" fill="url(#coin)"/>
<circle cx="400" cy="400" r="222" fill="none" stroke="${c.ink}" stroke-opacity=".35" stroke-width="4" stroke-dasharray="3 9"/></g>
${inner}`;
}

function pack(p: ProductDef): string {
  const small =
    p.type === "coin"
      ? `<circle cx="400" cy="380" r="120" fill="url(#coin)"/>`
      : `<rect x="310" y="250" width="180" height="250" rx="16" fill="url(#face)"/>`;
  return `<g filter="url(#shadow)"><rect x="190" y="110" width="420" height="580" rx="28" fill="#fff"/></g>
<rect x="230" y="190" width="340" height="380" rx="20" fill="#f3f4f6" stroke="#d1d5db" stroke-width="2"/>
${small}
<text x="400" y="160" font-size="26" letter-spacing="8" text-anchor="middle" fill="#1f2937" font-weight="700">MINTED</text>
<text x="400" y="615" font-size="24" text-anchor="middle" fill="#374151" font-weight="600">${esc(weightLabel(p))} · ${esc(String(p.purity).replace(".", ","))}</text>
<text x="400" y="650" font-size="18" letter-spacing="3" text-anchor="middle" fill="#6b7280">CERTIFIED · ASSAYED</text>`;
}

function digital(p: ProductDef): string {
  const c = PALETTE[p.metal];
  return `<g filter="url(#shadow)"><rect x="170" y="170" width="460" height="460" rx="60" fill="url(#face)"/></g>
<circle cx="400" cy="400" r="150" fill="none" stroke="${c.ink}" stroke-opacity=".5" stroke-width="14"/>
<text x="400" y="425" font-size="88" text-anchor="middle" fill="${c.ink}" font-weight="800">${esc(p.sku)}</text>
<text x="400" y="600" font-size="26" letter-spacing="6" text-anchor="middle" fill="${c.ink}" font-weight="700">DIGITAL · 1 g</text>`;
}

/**
 * A product image (1: front, 2: back, 3: packaging) as a self-contained SVG on a transparent
 * background: the shop's own surface shows through, light or dark (a baked-in cream square
 * stood out on the dark theme).
 */
export function productSvg(p: ProductDef, n: number): string {
  const body =
    p.type === "digital"
      ? digital(p)
      : n === 3
        ? pack(p)
        : p.type === "coin"
          ? coin(p, n === 2)
          : bar(p, n === 2);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" font-family="Inter, Helvetica, Arial, sans-serif" role="img" aria-label="${esc(p.name.en)}">${defs(p)}${body}</svg>`;
}
