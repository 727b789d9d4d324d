// Shapes of the dashboards' breakdowns as the API returns them (src/server/modules/indicators/breakdowns*.ts) and the
// web app reads them (src/web/features/dashboard/api.ts): one month of the trend, one dossier behind a late figure.

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  /** The part of the period in this month: [from, to), local dates. */
  from: string;
  to: string;
  received: number;
  resolved: number;
  late: number;
  onTimeRate: number | null;
  onlineShare: number | null;
}

export type LateKind = 'resolved_late' | 'open_overdue';

export interface LateDossier {
  id: string;
  code: string | null;
  procedure: { id: string; code: string | null; name: string };
  receivedAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  status: string;
  kind: LateKind;
}
