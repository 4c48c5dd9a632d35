// CPU% and RSS of the selected process over the last minutes, drawn with uPlot.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatBytes } from '../../../shared/model/formatProcess';
import type { HistoryPoint } from '../store/ProcessStore';

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

export function HistoryChart({ points, version }: { points: HistoryPoint[]; version: number }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current!;
    const options: uPlot.Options = {
      width: element.clientWidth || 320,
      height: 120,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, cpu: { range: (_u, _min, max) => [0, Math.max(5, max)] }, rss: {} },
      axes: [
        { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid-line') } },
        {
          scale: 'cpu',
          stroke: cssVar('--muted'),
          grid: { stroke: cssVar('--grid-line') },
          values: (_u, ticks) => ticks.map((v) => `${v}%`),
        },
        {
          scale: 'rss',
          side: 1,
          stroke: cssVar('--muted'),
          grid: { show: false },
          values: (_u, ticks) => ticks.map((v) => formatBytes(v)),
        },
      ],
      series: [
        {},
        {
          label: '%CPU',
          scale: 'cpu',
          stroke: cssVar('--accent'),
          width: 1.5,
          value: (_u, v) => (v == null ? '' : `${v.toFixed(1)}%`),
        },
        {
          label: 'RSS',
          scale: 'rss',
          stroke: cssVar('--chart-2'),
          width: 1.5,
          value: (_u, v) => (v == null ? '' : formatBytes(v)),
        },
      ],
    };
    plot.current = new uPlot(options, [[], [], []], element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth, height: 120 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData([
      points.map((p) => p.at / 1000),
      points.map((p) => p.cpuPercent),
      points.map((p) => p.rssBytes),
    ]);
  }, [points, version]);

  return <div className="history-chart" ref={container} data-testid="history-chart" />;
}
