// Use case: public tracking by dossier code plus the last four digits of the applicant's phone (against
// enumeration). Shows only what may be shown without signing in.
import { sql } from 'drizzle-orm';
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import { STATUS_LABELS, type DossierStatus } from '../../../shared/dossiers/statuses.ts';
import type { Deps } from '../../deps.ts';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { timingOf } from './dossiers.present.ts';

interface TrackRow {
  code: string;
  phone: string | null;
  status: string;
  nationalStatus: number;
  receivedAt: number | null;
  dueAt: number | null;
  finishedAt: number | null;
  procedureCode: string | null;
  procedureName: string;
  agencyName: string;
}

const ms = (column: string) => sql.raw(`(extract(epoch FROM d.${column}) * 1000)::float8`);

/** The public lookup is the busiest read: one indexed query, no ORM query building on the hot path. */
export async function trackDossier(deps: Pick<Deps, 'db' | 'clock'>, code: string, phoneLast4: string) {
  const [row] = await queryRows<TrackRow>(
    deps.db,
    sql`SELECT d.code, d.applicant->>'phone' AS phone, d.status, d.national_status AS "nationalStatus",
          ${ms('received_at')} AS "receivedAt", ${ms('due_at')} AS "dueAt", ${ms('finished_at')} AS "finishedAt",
          v.national_code AS "procedureCode", v.name AS "procedureName", a.name AS "agencyName"
        FROM dossiers d
        JOIN procedure_versions v ON v.id = d.procedure_version_id
        JOIN agencies a ON a.id = d.receiving_agency_id
       WHERE d.code = ${code.trim()}`,
  );
  const phone = String(row?.phone ?? '').replace(/\D/g, '');
  // The same answer for an unknown code and a wrong phone: nothing to learn by guessing codes.
  if (!row || phone.length < 4 || phone.slice(-4) !== phoneLast4) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ với mã và số điện thoại này.', 'No dossier matches this code and phone number.');
  }
  const status = row.status as DossierStatus;
  const at = (value: number | null) => (value === null ? null : new Date(Number(value)));
  const timing = timingOf({ receivedAt: at(row.receivedAt), dueAt: at(row.dueAt), finishedAt: at(row.finishedAt) }, deps.clock.now().getTime());
  const local = (value: number | null) => (value === null ? null : formatVietnamIso(Number(value)));
  return {
    code: row.code,
    procedure: { code: row.procedureCode, name: row.procedureName },
    receivingAgency: row.agencyName,
    status,
    statusLabel: STATUS_LABELS[status],
    nationalStatus: Number(row.nationalStatus),
    receivedAt: local(row.receivedAt),
    dueAt: local(row.dueAt),
    finishedAt: local(row.finishedAt),
    timing,
    isOverdue: timing === 'overdue' || timing === 'late',
  };
}
