// CPU% and RSS of the selected process over the last minutes, drawn with uPlot in the theme's
// colours (redrawn when the theme or the language changes), times in 24-hour HH:MM:SS.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatBytes } from '../../../shared/model/formatProcess';
import { formatClockTime } from '../i18n/formatTime';
import { useI18n } from '../i18n/I18n';
import type { HistoryPoint } from '../store/ProcessStore';
import { useResolvedTheme } from '../theme/useResolvedTheme';
import { CPU_AXIS_WIDTH, RSS_AXIS_WIDTH, TIME_STEPS } from '../views/chartAxes';

const HEIGHT = 120;

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function chartOptions(width: number, timeLabel: string): uPlot.Options {
  const text = cssVar('--muted');
  const lines = { stroke: cssVar('--grid-line'), width: 1 };
  return {
    width,
    height: HEIGHT,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, cpu: { range: (_u, _min, max) => [0, Math.max(5, max)] }, rss: {} },
    axes: [
      {
        stroke: text,
        grid: lines,
        ticks: lines,
        incrs: TIME_STEPS,
        space: 70,
        values: (_u, ticks) => ticks.map((v) => formatClockTime(v * 1000)),
      },
      {
        scale: 'cpu',
        stroke: text,
        grid: lines,
        ticks: lines,
        size: CPU_AXIS_WIDTH,
        values: (_u, ticks) => ticks.map((v) => `${v}%`),
      },
      {
        scale: 'rss',
        side: 1,
        stroke: text,
        grid: { show: false },
        ticks: lines,
        size: RSS_AXIS_WIDTH,
        values: (_u, ticks) => ticks.map((v) => formatBytes(v)),
      },
    ],
    series: [
      { label: timeLabel, value: (_u, v) => (v == null ? '—' : formatClockTime(v * 1000)) },
      {
        label: '%CPU',
        scale: 'cpu',
        stroke: cssVar('--accent'),
        width: 1.5,
        value: (_u, v) => (v == null ? '—' : `${v.toFixed(1)}%`),
      },
      {
        label: 'RSS',
        scale: 'rss',
        stroke: cssVar('--chart-2'),
        width: 1.5,
        value: (_u, v) => (v == null ? '—' : formatBytes(v)),
      },
    ],
  };
}

const dataOf = (points: HistoryPoint[]): uPlot.AlignedData => [
  points.map((p) => p.at / 1000),
  points.map((p) => p.cpuPercent),
  points.map((p) => p.rssBytes),
];

export function HistoryChart({ points, version }: { points: HistoryPoint[]; version: number }) {
  const { t } = useI18n();
  const theme = useResolvedTheme();
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const timeLabel = t('chart.time');

  useEffect(() => {
    const element = container.current!;
    plot.current = new uPlot(chartOptions(element.clientWidth || 320, timeLabel), [[], [], []], element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [theme, timeLabel]);

  // After the effect above, so a chart redrawn for a new theme gets its data at once.
  useEffect(() => {
    plot.current?.setData(dataOf(points));
  }, [points, version, theme, timeLabel]);

  return <div className="history-chart" ref={container} data-testid="history-chart" data-theme-drawn={theme} />;
}
