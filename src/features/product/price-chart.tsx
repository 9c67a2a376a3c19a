import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import type { UTCTimestamp } from "lightweight-charts";
import type { Metal } from "../../../contract/common";
import type { Candle, RateHistoryQuery } from "../../../contract/prices";
import { cn } from "../../components/class-names";
import { Skeleton } from "../../components/skeleton";
import { formatChangePercent, formatMoney, formatNumber } from "../../i18n/format";
import { msg } from "../../i18n/i18n";
import { rateHistoryQueryOptions, rateSymbolOf } from "../prices/rate-history-queries";

type Period = RateHistoryQuery["period"];

const periods: { value: Period; short: string; long: string }[] = [
  { value: "1d", short: msg("chart.period.1d.short"), long: msg("chart.period.1d") },
  { value: "1w", short: msg("chart.period.1w.short"), long: msg("chart.period.1w") },
  { value: "1m", short: msg("chart.period.1m.short"), long: msg("chart.period.1m") },
  { value: "1y", short: msg("chart.period.1y.short"), long: msg("chart.period.1y") },
];

function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888888";
}

/** `#rrggbb` with an alpha as rgba() (the chart's canvas does not understand color-mix). */
function withAlpha(color: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return color;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return `rgba(${String(r)}, ${String(g)}, ${String(b)}, ${String(alpha)})`;
}

function summarize(candles: Candle[]) {
  const first = candles[0];
  const last = candles[candles.length - 1];
  if (!first || !last) return null;
  return {
    high: Math.max(...candles.map((c) => c.high)),
    low: Math.min(...candles.map((c) => c.low)),
    change: first.open === 0 ? 0 : ((last.close - first.open) / first.open) * 100,
  };
}

/** Draws the candles' closes with lightweight-charts, loaded on demand (its own chunk). */
function ChartCanvas({
  candles,
  period,
  locale,
}: {
  candles: Candle[];
  period: Period;
  locale: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let cleanup = () => {};
    void import("lightweight-charts").then(({ createChart, AreaSeries, ColorType }) => {
      if (disposed) return;
      const chart = createChart(element, {
        autoSize: true,
        handleScroll: false,
        handleScale: false,
        rightPriceScale: { borderVisible: false },
        timeScale: { borderVisible: false, timeVisible: period === "1d" || period === "1w" },
        crosshair: { horzLine: { visible: false } },
        localization: { priceFormatter: (price: number) => formatNumber(price, locale, 0) },
      });
      const series = chart.addSeries(AreaSeries, { lineWidth: 2, priceLineVisible: false });
      const applyTheme = () => {
        const primary = cssColor("--color-primary");
        chart.applyOptions({
          layout: {
            background: { type: ColorType.Solid, color: cssColor("--color-surface-raised") },
            textColor: cssColor("--color-text-muted"),
            fontFamily: getComputedStyle(element).fontFamily,
          },
          grid: {
            vertLines: { visible: false },
            horzLines: { color: cssColor("--color-border") },
          },
        });
        series.applyOptions({
          lineColor: primary,
          topColor: withAlpha(primary, 0.28),
          bottomColor: withAlpha(primary, 0),
        });
      };
      applyTheme();
      series.setData(
        candles.map((candle) => ({
          // lightweight-charts brands seconds since the epoch as UTCTimestamp.
          time: (Date.parse(candle.time) / 1000) as UTCTimestamp,
          value: candle.close,
        })),
      );
      chart.timeScale().fitContent();
      const scheme = window.matchMedia("(prefers-color-scheme: dark)");
      scheme.addEventListener("change", applyTheme);
      setReady(true);
      cleanup = () => {
        scheme.removeEventListener("change", applyTheme);
        chart.remove();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [candles, period, locale]);

  return (
    <div className="relative h-56 md:h-72">
      {ready ? null : <Skeleton className="absolute inset-0" />}
      <div ref={container} className="absolute inset-0" />
    </div>
  );
}

export function PriceChart({ metal }: { metal: Metal }) {
  const { _, i18n } = useLingui();
  const [period, setPeriod] = useState<Period>("1w");
  const headingId = useId();
  const { data, isError, refetch } = useQuery(
    rateHistoryQueryOptions({ symbol: rateSymbolOf[metal], period }),
  );
  const summary = data ? summarize(data.candles) : null;
  const periodName = _(periods.find((p) => p.value === period)?.long ?? "chart.period.1w");

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-text">
          {_("chart.title")}
        </h2>
        <div
          role="radiogroup"
          aria-label={_("chart.period")}
          className="flex rounded-control bg-surface-sunken p-0.5"
        >
          {periods.map((option) => (
            <label
              key={option.value}
              className={cn(
                "relative grid h-12 min-w-12 cursor-pointer place-items-center rounded-[calc(var(--radius)-0.375rem)] px-2 text-sm font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-primary",
                option.value === period
                  ? "bg-surface-raised text-text shadow-card"
                  : "text-text-muted",
              )}
            >
              <input
                type="radio"
                name={headingId}
                value={option.value}
                checked={option.value === period}
                onChange={() => setPeriod(option.value)}
                className="sr-only"
              />
              <span aria-hidden="true">{_(option.short)}</span>
              <span className="sr-only">{_(option.long)}</span>
            </label>
          ))}
        </div>
      </div>
      <p className="mt-1 text-sm text-text-muted">{_("chart.perGram")}</p>
      <div className="mt-4">
        {data ? (
          <ChartCanvas candles={data.candles} period={period} locale={i18n.locale} />
        ) : isError ? (
          <div className="grid h-56 place-items-center text-center md:h-72">
            <button
              type="button"
              onClick={() => void refetch()}
              className="min-h-12 rounded-control px-4 font-medium text-primary hover:bg-primary-soft"
            >
              {_("chart.error")}
            </button>
          </div>
        ) : (
          <Skeleton className="h-56 md:h-72" />
        )}
      </div>
      <p className="mt-3 min-h-10 price text-sm text-text-muted" data-testid="chart-summary">
        {summary && data
          ? _("chart.summary", {
              period: periodName,
              high: formatMoney(summary.high, data.currency, i18n.locale),
              low: formatMoney(summary.low, data.currency, i18n.locale),
              change: formatChangePercent(summary.change, i18n.locale),
            })
          : null}
      </p>
    </section>
  );
}
