/**
 * A trend chart (Chart.js, drawn on a canvas without animation so the report PDF can take the
 * picture at once). `onCanvas` hands the canvas to the page for the PDF export.
 */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
}

export function TrendChart({ kind, title, labels, series, max, onCanvas, testId }: {
  kind: 'line' | 'bar';
  title: string;
  labels: string[];
  series: Series[];
  max?: number;
  onCanvas?: (canvas: HTMLCanvasElement | null) => void;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({ label: s.label, data: s.values, borderColor: s.color, backgroundColor: s.color, spanGaps: true, tension: 0.2 })),
      },
      options: {
        animation: false,
        responsive: false,
        devicePixelRatio: 2,
        plugins: { legend: { position: 'bottom' }, title: { display: false } },
        scales: { y: { beginAtZero: true, ...(max !== undefined ? { max } : {}) } },
      },
    };
    chart.current = new Chart(canvas.current, config);
    onCanvas?.(canvas.current);
    return () => {
      chart.current?.destroy();
      chart.current = null;
      onCanvas?.(null);
    };
  }, [kind, labels, series, max, onCanvas]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <canvas ref={canvas} width={720} height={260} role="img" aria-label={title} />
    </figure>
  );
}
