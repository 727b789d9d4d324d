// One agency's public results for a year (GET /api/public/agency-results) and the procedures by online level
// (GET /api/public/online-services, GET /api/indicators/online-levels), shared by the server and the web app.
export interface AgencyResult {
  agency: { id: string; code: string; name: string };
  /** Accepted dossiers received in the year. */
  received: number;
  finished: number;
  early: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
  /** (early + on time) ÷ finished, in percent with one decimal; null when nothing finished. */
  onTimeRate: number | null;
}

export interface OnlineLevelCounts {
  procedures: number;
  /** ND 43/2011 levels; `unknown`: the version records none. */
  old: { level1: number; level2: number; level3: number; level4: number; unknown: number };
  /** (level 3 + level 4) ÷ procedures, percent with one decimal; null without procedures. */
  level3or4Share: number | null;
  /** ND 42/2022 levels; `notRecorded`: no current level in the catalogue (not offered online, or not yet classified). */
  current: { full: number; partial: number; notRecorded: number };
  /** full ÷ procedures and (full + partial) ÷ procedures, percent with one decimal; null without procedures. */
  fullShare: number | null;
  onlineShare: number | null;
}

export interface AgencyOnlineLevels extends OnlineLevelCounts {
  agency: { id: string; code: string; name: string };
}

export interface OnlineServices {
  total: OnlineLevelCounts;
  byAgency: AgencyOnlineLevels[];
}
