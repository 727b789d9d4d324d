// Use cases: a province's indicator settings (indicator_settings: the province's partial settings over the defaults of
// src/shared/indicators/settings.ts) — read them for a viewer's province (any officer, a province leader included), and
// replace them (a province administrator only, optimistic concurrency on `version`: a stale version is refused with 409).
import { eq, sql } from 'drizzle-orm';
import { groupSums } from '../../../shared/indicators/index766.ts';
import { checkIndicatorSettings, mergeIndicatorSettings, type IndicatorSettings, type ProvinceIndicatorSettings } from '../../../shared/indicators/settings.ts';
import type { IndicatorSettingsView } from '../../../shared/indicators/settings-view.ts';
import type { Deps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { indicatorSettings } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { provinceOfAgency } from '../agencies/agencies.queries.ts';

const officersOnly = () => new AppError('FORBIDDEN', 'Chỉ cán bộ, công chức xem được cấu hình chỉ số.', 'Only officers see the indicator settings.', { rule: 'officers_only' });

/**
 * The province whose settings apply to a viewer: that of a province-wide grant (province administrator or province
 * leader, held at the province People's Committee), else that of their first agency.
 */
export async function provinceOfViewer(db: DbOrTx, viewer: Viewer): Promise<string> {
  const provinceWide = viewer.grants.find((g) => g.role === 'province_admin') ?? viewer.grants.find((g) => g.role === 'province_leader');
  if (provinceWide) return provinceWide.unitCode;
  const grant = viewer.grants[0];
  if (!grant) throw officersOnly();
  return (await provinceOfAgency(db, grant.agencyId)) ?? grant.unitCode.slice(0, 2);
}

function view(provinceCode: string, version: number, overrides: ProvinceIndicatorSettings): IndicatorSettingsView {
  const settings = mergeIndicatorSettings(overrides);
  const sums = groupSums(settings);
  return { provinceCode, version, settings, overrides, groupSums: sums, totalPoints: Object.values(sums).reduce((s, v) => Math.round((s + v) * 100) / 100, 0) };
}

/** A province's settings (the defaults, version 0, until changed). */
export async function loadProvinceSettings(db: DbOrTx, provinceCode: string): Promise<IndicatorSettingsView> {
  const [row] = await db.select().from(indicatorSettings).where(eq(indicatorSettings.provinceCode, provinceCode));
  return view(provinceCode, row?.version ?? 0, (row?.settings as ProvinceIndicatorSettings | undefined) ?? {});
}

/** The settings the indicators use for a viewer. */
export async function settingsForViewer(db: DbOrTx, viewer: Viewer): Promise<IndicatorSettings> {
  return (await loadProvinceSettings(db, await provinceOfViewer(db, viewer))).settings;
}

export async function readSettingsForViewer(deps: Pick<Deps, 'db'>, viewer: Viewer): Promise<IndicatorSettingsView> {
  if (viewer.grants.length === 0) throw officersOnly();
  return loadProvinceSettings(deps.db, await provinceOfViewer(deps.db, viewer));
}

/** Replaces the province's changes (a province administrator); `version` must be the one read. */
export async function updateProvinceSettings(deps: Pick<Deps, 'db'>, viewer: Viewer, input: { version: number; settings: ProvinceIndicatorSettings }): Promise<IndicatorSettingsView> {
  const admin = viewer.grants.find((g) => g.role === 'province_admin');
  if (!admin) {
    throw new AppError('FORBIDDEN', 'Chỉ quản trị viên cấp tỉnh được thay đổi cấu hình chỉ số.', 'Only a province administrator may change the indicator settings.', { rule: 'province_admin_only' });
  }
  const provinceCode = admin.unitCode;
  const issues = checkIndicatorSettings(mergeIndicatorSettings(input.settings));
  if (issues.length > 0) throw AppError.invalidInput(issues.map((issue) => ({ ...issue, path: `body.settings.${issue.path}` })));
  return deps.db.transaction(async (tx) => {
    // Lock the row so two administrators cannot both pass the version check.
    const [current] = await tx.select().from(indicatorSettings).where(eq(indicatorSettings.provinceCode, provinceCode)).for('update');
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.version) {
      throw new AppError('CONFLICT', 'Cấu hình chỉ số đã được người khác thay đổi; hãy tải lại.', 'The indicator settings were changed by someone else; reload them.', {
        rule: 'stale_version',
        currentVersion,
      });
    }
    const version = currentVersion + 1;
    const values = { settings: input.settings, version, updatedBy: viewer.username, updatedAt: sql`now()` };
    if (current) {
      await tx.update(indicatorSettings).set(values).where(eq(indicatorSettings.provinceCode, provinceCode));
    } else {
      // Two first writes at once: the second finds the row taken (by the other's commit) and is told to reload, with
      // the version it would have to read now (a new statement sees the committed row).
      const inserted = await tx.insert(indicatorSettings).values({ provinceCode, ...values }).onConflictDoNothing().returning();
      if (inserted.length === 0) {
        const [taken] = await tx.select({ version: indicatorSettings.version }).from(indicatorSettings).where(eq(indicatorSettings.provinceCode, provinceCode));
        throw new AppError('CONFLICT', 'Cấu hình chỉ số đã được người khác thay đổi; hãy tải lại.', 'The indicator settings were changed by someone else; reload them.', {
          rule: 'stale_version',
          currentVersion: taken?.version ?? 1,
        });
      }
    }
    return view(provinceCode, version, input.settings);
  });
}
