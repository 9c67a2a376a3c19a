const sizeClass = { 48: "size-12", 56: "size-14", 64: "size-16", 80: "size-20" } as const;

/**
 * A product's small picture beside its name in a list (basket, review, orders, wallet). It is
 * decoration (the name is the text beside it), so its alternative text is empty.
 */
export function ProductThumb({ src, size }: { src: string; size: keyof typeof sizeClass }) {
  return (
    <img
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className={`${sizeClass[size]} shrink-0 rounded-control border border-border bg-surface-sunken object-contain`}
    />
  );
}
