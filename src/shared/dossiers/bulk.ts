// The shapes of a bulk action (POST /api/dossiers/bulk-actions), shared by the server and the web app: each item
// names its dossier, its own request id and the version it was read at; each outcome says how that dossier fared.
export interface BulkItem {
  dossierId: string;
  requestId: string;
  version: number;
  fields: Record<string, unknown>;
}

/** One dossier's outcome; `D` is the dossier as each side holds it (a row on the server, a summary in the web app). */
export type BulkOutcome<D> =
  | { dossierId: string; ok: true; replayed: boolean; dossier: D }
  | {
      dossierId: string;
      ok: false;
      error: { code: string; message: string; messageEn: string; details: Record<string, unknown> };
    };
