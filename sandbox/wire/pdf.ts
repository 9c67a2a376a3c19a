/**
 * A small, dependency-free PDF 1.4 writer for plain text documents: A4 pages, Helvetica and
 * Helvetica-Bold (standard Type 1 fonts, WinAnsiEncoding), word wrap, page breaks. The file is
 * pure ASCII (non-ASCII bytes are octal escapes in strings), so byte offsets are string offsets.
 */

export interface PdfParagraph {
  text: string;
  bold?: boolean;
  /** Font size in points (default 10). */
  size?: number;
  /** Left indent in points. */
  indent?: number;
  /** Extra space above, in points. */
  gap?: number;
}

const PAGE = { width: 595, height: 842, margin: 56 };
const LEADING = 1.35;

/** Helvetica advance widths (1/1000 em) for ASCII 32..126, from the standard AFM. */
// prettier-ignore
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
  722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Unicode → WinAnsi (cp1252) for the characters outside Latin-1 that cp1252 has. */
// prettier-ignore
const CP1252: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89,
  "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
  "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/** Characters WinAnsi cannot show (Turkish ğ ı İ ş, the lira sign …), spelled with ones it can. */
// prettier-ignore
const TRANSLITERATE: Record<string, string> = {
  ğ: "g", Ğ: "G", ı: "i", İ: "I", ş: "s", Ş: "S", "₺": "TL", "≤": "<=", "≥": ">=", "→": "->", "\u00a0": " ",
};

/** The text as WinAnsi byte values. */
function winAnsi(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0x3f;
    const mapped = CP1252[ch];
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else if (mapped !== undefined) bytes.push(mapped);
    else if (TRANSLITERATE[ch] !== undefined) bytes.push(...winAnsi(TRANSLITERATE[ch]));
    else {
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      bytes.push(...(base !== ch && base !== "" ? winAnsi(base) : [0x3f]));
    }
  }
  return bytes;
}

function charWidth(byte: number): number {
  if (byte >= 0x20 && byte <= 0x7e) return HELVETICA[byte - 0x20] ?? 556;
  return byte === 0x95 ? 350 : 556;
}

function textWidth(bytes: readonly number[], size: number, bold: boolean): number {
  const units = bytes.reduce((sum, b) => sum + charWidth(b), 0);
  return (units * size * (bold ? 1.06 : 1)) / 1000;
}

/** Greedy word wrap to `width` points; a word longer than a line is cut. */
function wrap(text: string, width: number, size: number, bold: boolean): number[][] {
  const lines: number[][] = [];
  let line: number[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let bytes = winAnsi(word);
    const candidate = line.length ? [...line, 0x20, ...bytes] : bytes;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    if (line.length) lines.push(line);
    while (textWidth(bytes, size, bold) > width && bytes.length > 1) {
      let cut = bytes.length - 1;
      while (cut > 1 && textWidth(bytes.slice(0, cut), size, bold) > width) cut--;
      lines.push(bytes.slice(0, cut));
      bytes = bytes.slice(cut);
    }
    line = bytes;
  }
  if (line.length || lines.length === 0) lines.push(line);
  return lines;
}

/** A PDF literal string: ( ) \ escaped, bytes outside printable ASCII as octal. */
function pdfString(bytes: readonly number[]): string {
  let out = "(";
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

interface PlacedLine {
  bytes: number[];
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

/** Lay the paragraphs out on A4 pages, top to bottom. */
function layout(paragraphs: readonly PdfParagraph[]): PlacedLine[][] {
  const pages: PlacedLine[][] = [[]];
  const top = PAGE.height - PAGE.margin;
  let y = top;
  for (const p of paragraphs) {
    const size = p.size ?? 10;
    const bold = p.bold ?? false;
    const indent = p.indent ?? 0;
    const step = size * LEADING;
    y -= p.gap ?? 0;
    for (const bytes of wrap(p.text, PAGE.width - 2 * PAGE.margin - indent, size, bold)) {
      if (y - step < PAGE.margin) {
        pages.push([]);
        y = top;
      }
      y -= step;
      pages.at(-1)?.push({ bytes, x: PAGE.margin + indent, y, size, bold });
    }
  }
  return pages;
}

function contentStream(lines: readonly PlacedLine[], pageNo: number, pageCount: number): string {
  const body = lines.map(
    (l) =>
      `BT /${l.bold ? "F2" : "F1"} ${l.size} Tf ${l.x} ${l.y.toFixed(2)} Td ${pdfString(l.bytes)} Tj ET`,
  );
  const footer = winAnsi(`${pageNo} / ${pageCount}`);
  body.push(
    `BT /F1 8 Tf ${PAGE.width - PAGE.margin - 20} ${PAGE.margin / 2} Td ${pdfString(footer)} Tj ET`,
  );
  return body.join("\n");
}

/** A complete PDF file (ASCII) holding the paragraphs, titled `title`. */
export function textPdf(
  title: string,
  paragraphs: readonly PdfParagraph[],
  createdAt: Date,
): string {
  const pages = layout(paragraphs);
  const fixed = 5; // catalog, pages, two fonts, info
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => fixed + 1 + i * 2);
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`,
  );
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push(
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
  );
  const stamp = createdAt.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  objects.push(
    `<< /Title ${pdfString(winAnsi(title))} /Producer (Minted Connect sandbox) /CreationDate (D:${stamp}Z) >>`,
  );
  pages.forEach((lines, i) => {
    const stream = contentStream(lines, i + 1, pages.length);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${fixed + 2 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });

  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF`;
  return out;
}
