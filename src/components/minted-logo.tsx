/**
 * The partner wordmark, or only its mark (`compact`, for narrow phones). Decorative: the
 * surrounding link carries the accessible name.
 */
export function MintedLogo({
  className,
  compact = false,
}: {
  className?: string;
  compact?: boolean;
}) {
  return (
    <svg
      viewBox={compact ? "0 0 28 28" : "0 0 112 28"}
      width={compact ? 28 : 112}
      height="28"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      <rect width="28" height="28" rx="8" className="fill-primary" />
      <path
        d="M7.5 20V8h2.9l3.6 5.6L17.6 8h2.9v12h-2.8v-7.3l-3.7 5.6-3.7-5.6V20z"
        className="fill-primary-contrast"
      />
      {!compact && (
        <text
          x="36"
          y="20.5"
          fill="currentColor"
          fontSize="19"
          fontWeight="700"
          letterSpacing="-0.4"
          className="font-sans"
        >
          Minted
        </text>
      )}
    </svg>
  );
}
