import { useLingui } from "@lingui/react";
import { useRef, useState, type KeyboardEvent } from "react";
import { cn } from "../../components/class-names";
import { ChevronLeftIcon } from "../../components/icons";

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * Product images: a CSS scroll-snap track (native swipe on touch), previous/next buttons,
 * thumbnails, and arrow keys (Home/End too) when the track or a control has focus.
 */
export function ProductGallery({ images, name }: { images: string[]; name: string }) {
  const { _ } = useLingui();
  const track = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const count = images.length;

  const go = (next: number) => {
    const clamped = Math.max(0, Math.min(count - 1, next));
    setIndex(clamped);
    const element = track.current;
    element?.scrollTo({
      left: clamped * element.clientWidth,
      behavior: prefersReducedMotion() ? "auto" : "smooth",
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowLeft: index - 1,
      ArrowRight: index + 1,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    go(target);
  };

  const arrow =
    "absolute top-1/2 grid size-12 -translate-y-1/2 place-items-center rounded-full bg-surface-raised/90 text-text shadow-card disabled:opacity-0";

  return (
    <section
      aria-roledescription={_("gallery.roleDescription")}
      aria-label={_("gallery.label", { name })}
      onKeyDown={onKeyDown}
    >
      <div className="relative">
        <div
          ref={track}
          role="group"
          tabIndex={0}
          aria-label={_("gallery.track")}
          onScroll={(event) => {
            const element = event.currentTarget;
            if (element.clientWidth > 0) {
              setIndex(Math.round(element.scrollLeft / element.clientWidth));
            }
          }}
          className="flex aspect-square snap-x snap-mandatory [scrollbar-width:none] overflow-x-auto overscroll-x-contain rounded-card border border-border bg-surface-raised"
        >
          {images.map((src, n) => (
            <div
              key={src}
              role="group"
              aria-roledescription={_("gallery.slide")}
              aria-label={_("gallery.position", { n: n + 1, count })}
              className="w-full shrink-0 snap-center snap-always"
            >
              <img
                src={src}
                alt={_("gallery.alt", { name, n: n + 1, count })}
                width={800}
                height={800}
                decoding="async"
                loading={n === 0 ? "eager" : "lazy"}
                fetchPriority={n === 0 ? "high" : "auto"}
                className="size-full object-contain"
              />
            </div>
          ))}
        </div>
        {count > 1 ? (
          <>
            <button
              type="button"
              onClick={() => go(index - 1)}
              disabled={index === 0}
              aria-label={_("gallery.previous")}
              className={cn(arrow, "left-2")}
            >
              <ChevronLeftIcon className="size-6" />
            </button>
            <button
              type="button"
              onClick={() => go(index + 1)}
              disabled={index === count - 1}
              aria-label={_("gallery.next")}
              className={cn(arrow, "right-2")}
            >
              <ChevronLeftIcon className="size-6 rotate-180" />
            </button>
            <p
              aria-hidden="true"
              className="absolute right-3 bottom-3 rounded-full bg-surface-raised/90 px-2.5 py-1 price text-xs font-medium text-text"
            >
              {index + 1} / {count}
            </p>
          </>
        ) : null}
      </div>
      {count > 1 ? (
        <ul className="mt-3 flex gap-2">
          {images.map((src, n) => (
            <li key={src}>
              <button
                type="button"
                onClick={() => go(n)}
                aria-label={_("gallery.show", { n: n + 1, count })}
                aria-current={n === index ? "true" : undefined}
                className={cn(
                  "size-16 overflow-hidden rounded-control border-2 bg-surface-raised",
                  n === index ? "border-primary" : "border-border",
                )}
              >
                <img src={src} alt="" width={64} height={64} className="size-full object-contain" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
