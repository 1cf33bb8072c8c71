import { useEffect, useRef, useState } from 'react';
import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';

type Instance = { setOption: (o: EChartsCoreOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void };

/** One ECharts chart; the library is fetched on first use, so only the dashboard pays for it. */
export function Chart({ option, height = 280, className }: { option: EChartsCoreOption; height?: number; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ echarts }) => {
      if (!live || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
      setReady(true);
    });
    return () => {
      live = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [ready, option]);

  return (
    <div className={className} style={{ position: 'relative', height }}>
      {!ready && <Skeleton active style={{ position: 'absolute', inset: 0 }} />}
      <div ref={box} className="chart-canvas" data-ready={ready} style={{ width: '100%', height }} />
    </div>
  );
}
