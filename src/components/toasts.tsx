import { lazy, Suspense, useEffect, useState } from "react";

/**
 * Toasts come from `sonner` (small, well kept, accessible: a polite live region, swipe to
 * dismiss, pause on hover/focus). It is loaded after the first render, so it adds nothing to
 * the first view's JavaScript; `showToast` loads it on demand if a toast is needed earlier.
 */

// sonner injects its stylesheet with a <style> element, which the shop's CSP (style-src 'self')
// refuses; its own stylesheet file comes with the lazy chunk instead.
const Toaster = lazy(async () => {
  const [{ Toaster: SonnerToaster }] = await Promise.all([
    import("sonner"),
    import("sonner/dist/styles.css"),
  ]);
  return { default: SonnerToaster };
});

export type ToastKind = "error" | "success" | "info";

export function showToast(kind: ToastKind, message: string, description?: string): void {
  void import("sonner").then(({ toast }) => {
    const options = description ? { description } : {};
    if (kind === "error") toast.error(message, options);
    else if (kind === "success") toast.success(message, options);
    else toast(message, options);
  });
}

/** Mount once in the shell: renders nothing until the first paint is done. */
export function LazyToaster() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setReady(true), 0);
    return () => window.clearTimeout(id);
  }, []);
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <Toaster
        position="top-center"
        offset={{ top: "calc(var(--safe-top) + 4.5rem)" }}
        mobileOffset={{ top: "calc(var(--safe-top) + 4.5rem)", left: "1rem", right: "1rem" }}
        toastOptions={{
          unstyled: true,
          classNames: {
            toast:
              "flex w-full items-start gap-3 rounded-card font-sans border border-border bg-surface-raised p-4 text-text shadow-card",
            title: "font-semibold",
            description: "mt-0.5 text-sm text-text-muted",
            error: "border-danger/40",
            icon: "mt-0.5 shrink-0",
          },
        }}
      />
    </Suspense>
  );
}
