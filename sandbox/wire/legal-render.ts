/**
 * The legal documents' two renderings from one document model (legal-doc.ts): the HTML fragment
 * Minted's Legal endpoint answers, and the paragraphs of the PDF.
 */
import type { Block, LegalDoc } from "./legal-doc.ts";
import type { PdfParagraph } from "./pdf.ts";

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function blockHtml(block: Block): string {
  if (block.kind === "text") return `<p>${esc(block.text)}</p>`;
  if (block.kind === "facts")
    return `<dl>${block.rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
  const head = block.head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const rows = block.rows
    .map((r) => `<tr>${r.map((cell) => `<td>${esc(cell)}</td>`).join("")}</tr>`)
    .join("");
  const span = block.head.length - 1;
  const foot = block.foot
    .map(([k, v]) => `<tr><th scope="row" colspan="${span}">${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody><tfoot>${foot}</tfoot></table>`;
}

/** The document as an HTML fragment (no scripts; every value escaped). */
export function legalHtml(doc: LegalDoc): string {
  const sections = doc.sections
    .map((s) => `<section><h2>${esc(s.heading)}</h2>${s.blocks.map(blockHtml).join("")}</section>`)
    .join("");
  return (
    `<article class="minted-legal" lang="${doc.lang}" data-type="${doc.type}">` +
    `<header><h1>${esc(doc.title)}</h1><p class="meta">${esc(doc.meta)}</p></header>` +
    `${sections}<footer><p>${esc(doc.closing)}</p></footer></article>`
  );
}

function blockParagraphs(block: Block): PdfParagraph[] {
  if (block.kind === "text") return [{ text: block.text, gap: 4 }];
  if (block.kind === "facts")
    return block.rows.map(([k, v]) => ({ text: `${k}: ${v}`, indent: 12 }));
  const [, ...columns] = block.head;
  const rows = block.rows.flatMap(([name = "", ...cells]) => [
    { text: `• ${name}`, bold: true, gap: 4, indent: 12 },
    { text: cells.map((cell, i) => `${columns[i] ?? ""}: ${cell}`).join(" · "), indent: 24 },
  ]);
  const foot = block.foot.map(([k, v], i) => ({
    text: `${k}: ${v}`,
    indent: 12,
    gap: i === 0 ? 6 : 0,
  }));
  return [...rows, ...foot];
}

/** The document as PDF paragraphs (see pdf.ts). */
export function legalParagraphs(doc: LegalDoc): PdfParagraph[] {
  return [
    { text: doc.title, bold: true, size: 16 },
    { text: doc.meta, size: 8, gap: 2 },
    ...doc.sections.flatMap((s) => [
      { text: s.heading, bold: true, size: 11, gap: 10 },
      ...s.blocks.flatMap(blockParagraphs),
    ]),
    { text: doc.closing, gap: 12 },
  ];
}
