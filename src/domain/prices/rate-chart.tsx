import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import type { UTCTimestamp } from "lightweight-charts";
import type { Metal } from "../../../contract/common";
import type { Candle, RateHistoryQuery } from "../../../contract/prices";
import { cn } from "../../components/class-names";
import { Skeleton } from "../../components/skeleton";
import {
  formatChangePercent,
  formatMoney,
  formatMoneyChange,
  formatNumber,
} from "../../i18n/format";
import { msg } from "../../i18n/i18n";
import { rateHistoryQueryOptions, rateSymbolOf } from "./rate-history-queries";
import { summarizeCandles } from "./rate-summary";

type Period = RateHistoryQuery["period"];
type ChartKind = "line" | "candles";

const periods: { value: Period; short: string; long: string }[] = [
  { value: "1d", short: msg("chart.period.1d.short"), long: msg("chart.period.1d") },
  { value: "1w", short: msg("chart.period.1w.short"), long: msg("chart.period.1w") },
  { value: "1m", short: msg("chart.period.1m.short"), long: msg("chart.period.1m") },
  { value: "1y", short: msg("chart.period.1y.short"), long: msg("chart.period.1y") },
];

const kinds: { value: ChartKind; label: string }[] = [
  { value: "line", label: msg("chart.kind.line") },
  { value: "candles", label: msg("chart.kind.candles") },
];

/** The chart's reserved height: the same for skeleton, chart, error and empty states. */
const chartBox = "h-56 md:h-72";

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

/** lightweight-charts brands seconds since the epoch as UTCTimestamp. */
const timeOf = (candle: Candle) => (Date.parse(candle.time) / 1000) as UTCTimestamp;

/**
 * Draws the candles with lightweight-charts, loaded on demand (its own chunk, not in the first
 * view): an area of the closes, or OHLC candlesticks. The canvas is decorative for screen
 * readers; the summary beside it carries the figures.
 */
function ChartCanvas({
  candles,
  period,
  kind,
  locale,
}: {
  candles: Candle[];
  period: Period;
  kind: ChartKind;
  locale: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<ChartKind | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let cleanup = () => {};
    void import("lightweight-charts").then(
      ({ createChart, AreaSeries, CandlestickSeries, ColorType }) => {
        if (disposed) return;
        const chart = createChart(element, {
          autoSize: true,
          handleScroll: false,
          handleScale: false,
          rightPriceScale: { borderVisible: false },
          timeScale: { borderVisible: false, timeVisible: period === "1d" || period === "1w" },
          crosshair: { horzLine: { visible: kind === "candles" } },
          localization: {
            locale,
            priceFormatter: (price: number) => formatNumber(price, locale, 0),
          },
        });
        const area =
          kind === "line"
            ? chart.addSeries(AreaSeries, { lineWidth: 2, priceLineVisible: false })
            : null;
        const sticks =
          kind === "candles"
            ? chart.addSeries(CandlestickSeries, { priceLineVisible: false, borderVisible: false })
            : null;
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
          area?.applyOptions({
            lineColor: primary,
            topColor: withAlpha(primary, 0.28),
            bottomColor: withAlpha(primary, 0),
          });
          const up = cssColor("--color-success");
          const down = cssColor("--color-danger");
          sticks?.applyOptions({
            upColor: up,
            downColor: down,
            wickUpColor: up,
            wickDownColor: down,
          });
        };
        applyTheme();
        area?.setData(candles.map((c) => ({ time: timeOf(c), value: c.close })));
        sticks?.setData(
          candles.map((c) => ({
            time: timeOf(c),
            open: c.open,
            high: c.high,
            low: c.low,
            close: c.close,
          })),
        );
        chart.timeScale().fitContent();
        const scheme = window.matchMedia("(prefers-color-scheme: dark)");
        scheme.addEventListener("change", applyTheme);
        setDrawn(kind);
        cleanup = () => {
          scheme.removeEventListener("change", applyTheme);
          chart.remove();
        };
      },
    );
    return () => {
      disposed = true;
      cleanup();
    };
  }, [candles, period, kind, locale]);

  return (
    <div className={cn("relative", chartBox)} data-testid="rate-chart" data-drawn={drawn ?? ""}>
      {drawn ? null : <Skeleton className="absolute inset-0" />}
      <div ref={container} className="absolute inset-0" />
    </div>
  );
}

/** A segmented radio group (native radios: arrow keys move and select). */
function Segmented<T extends string>({
  label,
  name,
  options,
  value,
  onChange,
}: {
  label: string;
  name: string;
  options: { value: T; short: string; long: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="flex rounded-control bg-surface-sunken p-0.5"
    >
      {options.map((option) => (
        <label
          key={option.value}
          className={cn(
            "relative grid h-12 min-w-12 cursor-pointer place-items-center rounded-[calc(var(--radius)-0.375rem)] px-2 text-sm font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-primary",
            option.value === value ? "bg-surface-raised text-text shadow-card" : "text-text-muted",
          )}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            className="absolute inset-0 size-full cursor-pointer appearance-none rounded-[inherit] opacity-0"
          />
          <span aria-hidden="true">{option.short}</span>
          <span className="sr-only">{option.long}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * Price history of a metal (per gram, TRY): line or candles over 1D / 1W / 1M / 1Y, with a text
 * summary (high, low, change, change %) that screen readers hear when the range changes.
 * Shared by the product page and the wallet.
 */
export function RateChart({ metal }: { metal: Metal }) {
  const { _, i18n } = useLingui();
  const [period, setPeriod] = useState<Period>("1w");
  const [kind, setKind] = useState<ChartKind>("line");
  const headingId = useId();
  const { data, isError, isFetching, refetch } = useQuery(
    rateHistoryQueryOptions({ symbol: rateSymbolOf[metal], period }),
  );
  // Only this period's data: a previous period's figures are never shown under a new label.
  const current = data?.period === period ? data : undefined;
  const summary = current ? summarizeCandles(current.candles) : null;
  const periodName = _(periods.find((p) => p.value === period)?.long ?? "chart.period.1w");
  const money = (amount: number) => formatMoney(amount, current?.currency ?? "TRY", i18n.locale);

  let body;
  if (current && current.candles.length > 0) {
    body = (
      <ChartCanvas candles={current.candles} period={period} kind={kind} locale={i18n.locale} />
    );
  } else if (current) {
    body = (
      <p className={cn("grid place-items-center text-center text-text-muted", chartBox)}>
        {_("chart.empty")}
      </p>
    );
  } else if (isError && !isFetching) {
    body = (
      <div className={cn("grid place-items-center text-center", chartBox)}>
        <button
          type="button"
          onClick={() => void refetch()}
          className="min-h-12 rounded-control px-4 font-medium text-primary hover:bg-primary-soft"
        >
          {_("chart.error")}
        </button>
      </div>
    );
  } else {
    body = (
      <div role="status" aria-label={_("chart.loading")} className={chartBox}>
        <Skeleton className="size-full" />
      </div>
    );
  }

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold text-text">
          {_("chart.title")}
        </h2>
        <Segmented
          label={_("chart.period")}
          name={`${headingId}-period`}
          options={periods.map((p) => ({ value: p.value, short: _(p.short), long: _(p.long) }))}
          value={period}
          onChange={setPeriod}
        />
      </div>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-text-muted">{_("chart.perGram")}</p>
        <Segmented
          label={_("chart.kind")}
          name={`${headingId}-kind`}
          options={kinds.map((k) => ({ value: k.value, short: _(k.label), long: _(k.label) }))}
          value={kind}
          onChange={setKind}
        />
      </div>
      <div className="mt-3">{body}</div>
      <p
        aria-live="polite"
        className="mt-3 min-h-10 price text-sm text-text-muted"
        data-testid="chart-summary"
      >
        {summary
          ? _("chart.summary", {
              period: periodName,
              high: money(summary.high),
              low: money(summary.low),
              change: formatMoneyChange(summary.change, current?.currency ?? "TRY", i18n.locale),
              changePct: formatChangePercent(summary.changePct, i18n.locale),
            })
          : null}
      </p>
    </section>
  );
}
