// Use case: an administrator saves a new version of a procedure's workflow, validated against its legal duration.
import { and, eq } from 'drizzle-orm';
import { checkWorkflow, type WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import { localDay, yearOfDay } from '../../../shared/calendar/vietnam-time.ts';
import type { Deps } from '../../deps.ts';
import { workflows } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { loadWorkingCalendar } from '../calendars/load-calendar.ts';
import { legalDuration } from '../dossiers/receipt.ts';
import { findProcedure } from '../procedures/procedures.queries.ts';
import { legalWorkingMs } from './resolve-workflow.ts';
import { latestWorkflowVersion } from './workflows.queries.ts';

export interface SaveWorkflowInput {
  procedureId: string;
  provinceCode: string;
  steps: WorkflowStep[];
  expectedVersion: number;
  actor: string;
  note?: string | undefined;
}

export async function saveWorkflow(deps: Pick<Deps, 'db' | 'clock'>, input: SaveWorkflowInput) {
  const procedure = await findProcedure(deps.db, input.procedureId);
  if (!procedure) throw AppError.notFound('thủ tục hành chính', 'Procedure', input.procedureId);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now().getTime();
    const duration = await legalDuration(tx, { procedureVersionId: procedure.versionId, channel: 'in_person' });
    const year = yearOfDay(localDay(now));
    const calendar = await loadWorkingCalendar(tx, input.provinceCode, year, year + 3);
    const issues = checkWorkflow(input.steps, legalWorkingMs(calendar, duration, now), calendar.settings);
    if (issues.length > 0) throw AppError.invalidInput(issues.map((i) => ({ ...i, path: `body.${i.path}` })));
    const latest = await latestWorkflowVersion(tx, procedure.id);
    if (latest !== input.expectedVersion) {
      throw new AppError('CONFLICT', 'Quy trình đã được người khác cập nhật; hãy tải lại.', 'The workflow was changed by someone else; reload it.', {
        rule: 'stale_version',
        currentVersion: latest,
      });
    }
    await tx.update(workflows).set({ isActive: false }).where(and(eq(workflows.procedureId, procedure.id), eq(workflows.variantKey, ''), eq(workflows.isActive, true)));
    const [row] = await tx
      .insert(workflows)
      .values({ procedureId: procedure.id, version: latest + 1, steps: input.steps, isActive: true, createdBy: input.actor, note: input.note ?? null })
      .returning();
    return { version: row!.version, steps: row!.steps as WorkflowStep[] };
  });
}
