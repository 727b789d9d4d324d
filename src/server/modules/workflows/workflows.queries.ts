// SQL for internal workflows. Each function takes the database or a transaction first.
import { and, desc, eq } from 'drizzle-orm';
import type { WorkflowStep } from '../../../shared/dossiers/workflow.ts';
import type { DbOrTx } from '../../db/client.ts';
import { workflows } from '../../db/schema.ts';

export interface StoredWorkflow {
  id: string;
  version: number;
  steps: WorkflowStep[];
  createdBy: string;
  createdAt: Date;
}

export async function findActiveWorkflow(db: DbOrTx, procedureId: string): Promise<StoredWorkflow | undefined> {
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.procedureId, procedureId), eq(workflows.variantKey, ''), eq(workflows.isActive, true)));
  return row ? { id: row.id, version: row.version, steps: row.steps as WorkflowStep[], createdBy: row.createdBy, createdAt: row.createdAt } : undefined;
}

export async function latestWorkflowVersion(db: DbOrTx, procedureId: string): Promise<number> {
  const [row] = await db
    .select({ version: workflows.version })
    .from(workflows)
    .where(and(eq(workflows.procedureId, procedureId), eq(workflows.variantKey, '')))
    .orderBy(desc(workflows.version))
    .limit(1);
  return row?.version ?? 0;
}
