// The dashboard's API calls and response shapes (mirrors of the indicators routes' schemas, see
// docs/decisions/003-web-app-shape.md): the period's indicators, their breakdowns and the late dossiers, for the
// viewer's scope, one agency or one administrative unit (`unitCode`), and the units the dashboard's filter offers.
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

/** The administrative unit a figure was asked for, as it stood on the last day counted. */
export interface AskedUnit {
  code: string;
  name: string;
  level: string;
  partialPredecessors: string[];
}

/** The ratings given in the period (GET /api/indicators only). */
export interface Satisfaction {
  ratings: number;
  satisfied: number;
  share: number | null;
  averageScore: number | null;
}

export interface PeriodIndicators extends Figures {
  period: Period;
  asOf: string;
  unit?: AskedUnit;
  /** Present once the server computes the 766 index. */
  index766?: Index766;
  satisfaction?: Satisfaction;
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

export interface FieldRow extends Figures {
  /** The catalogue's field (lĩnh vực); null for procedures without one. */
  field: string | null;
  name: string;
}

/** Whose figures: one agency or one administrative unit (statistics-office code); neither is the viewer's scope. */
export interface Subject {
  agencyId?: string | undefined;
  unitCode?: string | undefined;
}

/** An administrative unit of GET /api/units. */
export interface AdminUnit {
  code: string;
  name: string;
  fullName: string;
  level: string;
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
  unit?: AskedUnit;
  items: T[];
}

export const dashboardApi = {
  indicators: (p: Period, subject: Subject = {}) =>
    request<PeriodIndicators>('GET', `/api/indicators${query({ ...p, ...subject })}`),
  byAgency: (p: Period, unitCode?: string) =>
    request<Listed<AgencyRow>>('GET', `/api/indicators/by-agency${query({ ...p, unitCode })}`),
  byField: (p: Period, subject: Subject = {}) =>
    request<Listed<FieldRow>>('GET', `/api/indicators/by-field${query({ ...p, ...subject })}`),
  byProcedure: (p: Period, agencyId: string) =>
    request<Listed<ProcedureRow>>('GET', `/api/indicators/by-procedure${query({ ...p, agencyId })}`),
  trend: (p: Period, subject: Subject = {}) =>
    request<{ asOf: string; points: TrendPoint[] }>('GET', `/api/indicators/trend${query({ ...p, ...subject })}`),
  /** The province and its units of today (after 07/2025: the communes and wards), for the unit filter. */
  units: async (provinceCode: string) => {
    const [provinces, children] = await Promise.all([
      request<{ items: AdminUnit[] }>('GET', '/api/units'),
      request<{ items: AdminUnit[] }>('GET', `/api/units${query({ parent: provinceCode })}`),
    ]);
    return [...provinces.items.filter((u) => u.code === provinceCode), ...children.items];
  },
  lateDossiers: (p: Period, agencyId: string, procedureId?: string) =>
    request<Listed<LateDossier> & { total: number }>(
      'GET',
      `/api/indicators/late-dossiers${query({ ...p, agencyId, procedureId, limit: 100 })}`,
    ),
  report06a: (p: Period, groupBy: ReportGrouping) => request<Report06a>('GET', report06aQuery(p, groupBy)),
  /** The same report as a file, for a plain download link (the session cookie goes with it). */
  report06aFile: (p: Period, groupBy: ReportGrouping, format: 'xlsx' | 'pdf') => report06aQuery(p, groupBy, format),
};
