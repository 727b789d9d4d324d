// One agency's public results for a year (GET /api/public/agency-results), shared by the server and the web app.
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
