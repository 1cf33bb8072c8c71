/** Small dependency-free charts for the dashboard (plain HTML and SVG, readable on a PC). */

export interface Bar {
  key: string;
  label: string;
  count: number;
}

/** Horizontal bars, longest first as given, with the count at the end. */
export function BarList({ bars, className }: { bars: Bar[]; className?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  if (bars.length === 0) return <div className="muted">暂无数据</div>;
  return (
    <div className={`bar-list ${className ?? ''}`}>
      {bars.map((b) => (
        <div key={b.key} className="bar-list__row" data-key={b.key}>
          <span className="bar-list__label">{b.label}</span>
          <span className="bar-list__track">
            <span className="bar-list__bar" style={{ width: `${(b.count / max) * 100}%` }} />
          </span>
          <span className="bar-list__count">{b.count}</span>
        </div>
      ))}
    </div>
  );
}

const DAY_CHART = { width: 760, height: 220, top: 16, bottom: 28, left: 32 };

/** Suggestions per day as columns, with the date under some of them. */
export function DayColumns({ days }: { days: { date: string; count: number }[] }) {
  if (days.length === 0) return <div className="muted">暂无数据</div>;
  const { width, height, top, bottom, left } = DAY_CHART;
  const max = Math.max(1, ...days.map((d) => d.count));
  const plotH = height - top - bottom;
  const step = (width - left) / days.length;
  const barW = Math.min(48, Math.max(2, step * 0.7));
  const labelEvery = Math.ceil(days.length / 10);
  return (
    <svg className="day-columns" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="每日意见数">
      <line x1={left} y1={top + plotH} x2={width} y2={top + plotH} stroke="#cccccc" />
      <text x={left - 6} y={top + 4} textAnchor="end" fontSize="11" fill="#666666">
        {max}
      </text>
      <text x={left - 6} y={top + plotH} textAnchor="end" fontSize="11" fill="#666666">
        0
      </text>
      {days.map((d, i) => {
        const h = (d.count / max) * plotH;
        const x = left + i * step + (step - barW) / 2;
        return (
          <g key={d.date} className="day-columns__day" data-date={d.date} data-count={d.count}>
            <rect x={x} y={top + plotH - h} width={barW} height={h} fill="#c8161d">
              <title>{`${d.date}：${d.count} 条`}</title>
            </rect>
            {i % labelEvery === 0 ? (
              <text x={x + barW / 2} y={height - 8} textAnchor="middle" fontSize="11" fill="#666666">
                {d.date.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** One bar split into its parts (e.g. 满意 / 基本满意 / 不满意). */
export function StackedBar({ parts }: { parts: { key: string; label: string; count: number; color: string }[] }) {
  const total = parts.reduce((s, p) => s + p.count, 0);
  if (total === 0) return <div className="muted">暂无评价</div>;
  return (
    <div className="stacked-bar">
      <div className="stacked-bar__track">
        {parts.map((p) => (p.count > 0 ? <span key={p.key} className="stacked-bar__part" style={{ width: `${(p.count / total) * 100}%`, backgroundColor: p.color }} /> : null))}
      </div>
      <div className="stacked-bar__legend">
        {parts.map((p) => (
          <span key={p.key} className={`stacked-bar__item stacked-bar__item--${p.key}`}>
            <span className="stacked-bar__swatch" style={{ backgroundColor: p.color }} />
            {p.label} {p.count}（{Math.round((p.count / total) * 100)}%）
          </span>
        ))}
      </div>
    </div>
  );
}
