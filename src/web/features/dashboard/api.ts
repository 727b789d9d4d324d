// The dashboard's API calls and response shapes (mirrors of the indicators routes' schemas, see
// docs/decisions/003-web-app-shape.md): the period's indicators, their breakdowns and the late dossiers.
import type { LateDossier, TrendPoint } from '../../../shared/indicators/breakdown-types.ts';
import type { Index766 } from '../../../shared/indicators/index766-types.ts';
import { query, request } from '../../api.ts';

export interface Period {
  from: string;
  /** Exclusive. */
  to: string;
}

export interface Figures {
  form: {
    received: { total: number; online: number; inPersonOrPost: number; carriedOver: number };
    resolved: { total: number; early: number; onTime: number; late: number };
    pending: { total: number; withinDeadline: number; overdue: number };
  };
  onTime: {
    numerator: number;
    denominator: number;
    rate: number | null;
    points: number | null;
    maxPoints: number;
  };
  averageProcessingHours: number | null;
  onlineShare: number | null;
  eResultShare: number | null;
}

export interface PeriodIndicators extends Figures {
  period: Period;
  asOf: string;
  /** Present once the server computes the 766 index. */
  index766?: Index766;
}

export interface AgencyRow extends Figures {
  agencyId: string;
  code: string | null;
  name: string;
}

export interface ProcedureRow extends Figures {
  procedureId: string;
  code: string | null;
  name: string;
}


export type { LateDossier, TrendPoint } from '../../../shared/indicators/breakdown-types.ts';

export type ReportGrouping = 'agency' | 'field';

/** GET /api/reports/ii-06a: form II.06a, one row per agency or per level and field, and the total row. */
export interface Report06a {
  groupBy: ReportGrouping;
  period: Period;
  /** Figures as of the start of this day (YYYY-MM-DD). */
  asOf: string;
  rows: (Figures['form'] & { label: string; agencyId?: string; level?: string; field?: string | null })[];
  total: Figures['form'];
}

const report06aQuery = (p: Period, groupBy: ReportGrouping, format?: 'xlsx' | 'pdf') =>
  `/api/reports/ii-06a${query({ ...p, groupBy, format })}`;

interface Listed<T> {
  period: Period;
  asOf: string;
  items: T[];
}

export const dashboardApi = {
  indicators: (p: Period, agencyId?: string) =>
    request<PeriodIndicators>('GET', `/api/indicators${query({ ...p, agencyId })}`),
  byAgency: (p: Period) => request<Listed<AgencyRow>>('GET', `/api/indicators/by-agency${query({ ...p })}`),
  byProcedure: (p: Period, agencyId: string) =>
    request<Listed<ProcedureRow>>('GET', `/api/indicators/by-procedure${query({ ...p, agencyId })}`),
  trend: (p: Period, agencyId?: string) =>
    request<{ asOf: string; points: TrendPoint[] }>(
      'GET',
      `/api/indicators/trend${query({ ...p, agencyId })}`,
    ),
  lateDossiers: (p: Period, agencyId: string, procedureId?: string) =>
    request<Listed<LateDossier> & { total: number }>(
      'GET',
      `/api/indicators/late-dossiers${query({ ...p, agencyId, procedureId, limit: 100 })}`,
    ),
  report06a: (p: Period, groupBy: ReportGrouping) => request<Report06a>('GET', report06aQuery(p, groupBy)),
  /** The same report as a file, for a plain download link (the session cookie goes with it). */
  report06aFile: (p: Period, groupBy: ReportGrouping, format: 'xlsx' | 'pdf') => report06aQuery(p, groupBy, format),
};
