// The effect of "Nộp bổ sung": the supplement may bring new components with the caller's uploaded files, which
// are attached to the dossier in the action's transaction and appended to its components.
import type { Tx } from '../../db/client.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { attachComponentFiles, claimComponentFiles } from '../files/attach-files.ts';
import type { DossierRow } from './dossiers.queries.ts';

/** The part of an action's context this effect uses (a subset of the EffectContext every effect gets). */
interface SupplementContext {
  tx: Tx;
  dossier: Pick<DossierRow, 'id' | 'components'>;
  actorId: string | null;
  fields: Record<string, unknown>;
  now: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SupplementComponent {
  name: string;
  quantity?: string;
  provided: boolean;
  fileIds: string[];
}

/** Reads `components` of the action body, naming the path of every problem. */
function readComponents(value: unknown): SupplementComponent[] {
  if (value === undefined) return [];
  const issue = (path: string, rule: string, message: string, messageEn: string): FieldIssue => ({ path: `body.components${path}`, rule, message, messageEn });
  if (!Array.isArray(value) || value.length > 100) throw AppError.invalidInput([issue('', 'array', 'phải là danh sách tối đa 100 thành phần', 'must be a list of at most 100 components')]);
  const issues: FieldIssue[] = [];
  const components = value.map((item: unknown, i): SupplementComponent => {
    const c = (item ?? {}) as Record<string, unknown>;
    const name = typeof c.name === 'string' ? c.name.trim() : '';
    if (!name || name.length > 1000) issues.push(issue(`.${i}.name`, 'required', 'cần tên thành phần (tối đa 1000 ký tự)', 'a component name of at most 1000 characters is required'));
    if (c.quantity !== undefined && (typeof c.quantity !== 'string' || c.quantity.length > 200)) issues.push(issue(`.${i}.quantity`, 'type', 'phải là chuỗi tối đa 200 ký tự', 'must be a string of at most 200 characters'));
    if (c.provided !== undefined && typeof c.provided !== 'boolean') issues.push(issue(`.${i}.provided`, 'type', 'phải có kiểu boolean', 'must be a boolean'));
    const fileIds = c.fileIds ?? [];
    if (!Array.isArray(fileIds) || fileIds.length > 20) {
      issues.push(issue(`.${i}.fileIds`, 'array', 'phải là danh sách tối đa 20 mã tệp', 'must be a list of at most 20 file ids'));
      return { name, provided: true, fileIds: [] };
    }
    fileIds.forEach((id: unknown, n) => {
      if (typeof id !== 'string' || !UUID.test(id)) issues.push(issue(`.${i}.fileIds.${n}`, 'format', 'phải là mã tệp (uuid)', 'must be a file id (uuid)'));
    });
    return { name, ...(typeof c.quantity === 'string' ? { quantity: c.quantity } : {}), provided: c.provided !== false, fileIds: fileIds.map((id) => String(id).toLowerCase()) };
  });
  if (issues.length > 0) throw AppError.invalidInput(issues);
  return components;
}

/** Ends the supplement pause (in the reducer) and attaches the files of any new components. */
export async function submitSupplement(ctx: SupplementContext): Promise<{ payload: Record<string, unknown>; patch?: Partial<DossierRow> }> {
  const note = typeof ctx.fields.note === 'string' && ctx.fields.note.trim() ? ctx.fields.note.trim() : null;
  const components = readComponents(ctx.fields.components);
  if (components.length === 0 || !ctx.actorId) return { payload: { note } };
  const existing = Array.isArray(ctx.dossier.components) ? (ctx.dossier.components as unknown[]) : [];
  const files = await claimComponentFiles(ctx.tx, ctx.actorId, components, 'body.components');
  await attachComponentFiles(ctx.tx, ctx.dossier.id, existing.length, files, new Date(ctx.now));
  const added = components.map(({ fileIds: _fileIds, ...component }, i) => ({ ...component, files: files[i] ?? [] }));
  return {
    payload: { note, components: added.map((c) => ({ name: c.name, fileIds: c.files.map((f) => f.id) })) },
    patch: { components: [...existing, ...added] },
  };
}
