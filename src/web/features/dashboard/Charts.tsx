// The dashboard's charts (recharts, loaded only with the dashboard or the public chart chunk): the monthly trend
// (received and resolved as bars, the on-time rate as a line) and horizontal bars of on-time rates with their values
// written beside them, so the figures never rely on colour alone. Keyboard and screen-reader users get the tables
// (ChartFigure); bars are also clickable with a mouse.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface TrendDatum {
  month: string;
  received: number;
  resolved: number;
  onTimeRate: number | null;
}

export function TrendChart({
  data,
  labels,
}: {
  data: TrendDatum[];
  labels: { received: string; resolved: string; onTimeRate: string };
}) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis yAxisId="count" allowDecimals={false} width={40} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} width={40} />
        <Tooltip />
        <Legend />
        <Bar
          yAxisId="count"
          dataKey="received"
          name={labels.received}
          fill="#1c7ed6"
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="resolved"
          name={labels.resolved}
          fill="#2f9e44"
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="onTimeRate"
          name={labels.onTimeRate}
          stroke="#e8590c"
          strokeWidth={2}
          strokeDasharray="6 3"
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export interface RateDatum {
  key: string;
  name: string;
  rate: number | null;
  /** The value as written beside the bar ("92,5 %", "N/A"). */
  text: string;
}

const short = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

export function RateBars({
  data,
  label,
  onSelect,
}: {
  data: RateDatum[];
  label: string;
  onSelect?: (key: string) => void;
}) {
  const rows = data.map((d) => ({ ...d, value: d.rate ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 40 + 40)}>
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 56, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} />
        <YAxis type="category" dataKey="name" width={150} tickFormatter={short} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar
          dataKey="value"
          name={label}
          fill="#1c7ed6"
          isAnimationActive={false}
          cursor={onSelect ? 'pointer' : undefined}
          onClick={(entry) => onSelect?.(String((entry as { key?: unknown }).key))}
        >
          <LabelList dataKey="text" position="right" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
