import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Precompresses the build (after `vite build`): a `.br` (brotli quality 11) and a `.gz` (gzip 9)
 * beside every text file over 1 KB, kept only when smaller. The proxy serves them to clients
 * that accept them (server/http/static.ts), so no request pays for compression.
 */
const DIST = process.argv[2] ?? "dist";
const EXTENSIONS = new Set([".js", ".css", ".html", ".svg", ".json", ".txt"]);
const MIN_BYTES = 1024;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return files(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

let count = 0;
let before = 0;
let afterBr = 0;
for (const file of await files(DIST)) {
  if (!EXTENSIONS.has(extname(file)) || (await stat(file)).size <= MIN_BYTES) continue;
  const source = await readFile(file);
  const br = brotliCompressSync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength,
    },
  });
  const gz = gzipSync(source, { level: 9 });
  if (br.byteLength < source.byteLength) await writeFile(`${file}.br`, br);
  if (gz.byteLength < source.byteLength) await writeFile(`${file}.gz`, gz);
  count += 1;
  before += source.byteLength;
  afterBr += Math.min(br.byteLength, source.byteLength);
}
console.log(
  `compress-dist: ${String(count)} files, ${(before / 1024).toFixed(1)} KB → ${(afterBr / 1024).toFixed(1)} KB brotli`,
);
