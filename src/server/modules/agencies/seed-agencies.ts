// Use case: seed a province's agencies and which procedures each implements (demo catalogue, editable later).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { PLACEHOLDER_CODE_PREFIX, type AgencyType } from '../../../shared/agencies.ts';
import { previousIsoDate } from '../../../shared/units.ts';
import { queryRows, type Db, type Tx } from '../../db/client.ts';
import { agencies } from '../../db/schema.ts';
import { listUnitsAsOf, type UnitRow } from '../units/units.queries.ts';

interface SeedAgency {
  seedKey: string;
  name: string;
  type: AgencyType;
  unitCode: string;
  parentSeedKey: string | null;
  code: string;
  isCodePlaceholder: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Provincial departments after the 2025 reorganisation, keyed by a slug. Hanoi also has a planning department.
 * The Department of Information and Communications existed until 01/03/2025 (its 2022 catalogue is seeded).
 */
const DEPARTMENTS: { slug: string; name: string; validTo?: string; onlyProvince?: string }[] = [
  { slug: 'noi-vu', name: 'Sở Nội vụ' },
  { slug: 'tu-phap', name: 'Sở Tư pháp' },
  { slug: 'tai-chinh', name: 'Sở Tài chính' },
  { slug: 'cong-thuong', name: 'Sở Công Thương' },
  { slug: 'nong-nghiep-moi-truong', name: 'Sở Nông nghiệp và Môi trường' },
  { slug: 'xay-dung', name: 'Sở Xây dựng' },
  { slug: 'khoa-hoc-cong-nghe', name: 'Sở Khoa học và Công nghệ' },
  { slug: 'giao-duc-dao-tao', name: 'Sở Giáo dục và Đào tạo' },
  { slug: 'y-te', name: 'Sở Y tế' },
  { slug: 'van-hoa-the-thao', name: 'Sở Văn hóa và Thể thao', onlyProvince: '01' },
  { slug: 'du-lich', name: 'Sở Du lịch', onlyProvince: '01' },
  { slug: 'quy-hoach-kien-truc', name: 'Sở Quy hoạch - Kiến trúc', onlyProvince: '01' },
  { slug: 'thong-tin-truyen-thong', name: 'Sở Thông tin và Truyền thông', validTo: '2025-03-01' },
];

/** Real level-1 codes of provincial people's committees (seed/agencies/agency-codes-level1.csv), by province code. */
function readProvinceCommitteeCodes(seedDir: string): Map<string, string> {
  const file = path.join(seedDir, 'agencies', 'agency-codes-level1.csv');
  if (!fs.existsSync(file)) return new Map();
  const rows = parse(fs.readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    relax_quotes: true,
  }) as Record<string, string>[];
  return new Map(
    rows
      .filter((r) => r.code && r.province_code_gso_pre2025)
      .map((r) => [r.province_code_gso_pre2025 as string, r.code as string]),
  );
}

/** "Phường Ba Đình" → "phường" (the type word as used inside an agency name). */
function typeWord(unit: UnitRow): string {
  return (
    unit.fullName
      .slice(0, unit.fullName.length - unit.name.length)
      .trim()
      .toLowerCase() || unit.typeName.toLowerCase()
  );
}

export function buildSeedAgencies(
  province: UnitRow,
  communes: UnitRow[],
  districts: UnitRow[],
  committeeCode?: string,
): SeedAgency[] {
  const pc = province.code;
  const placeholder = (suffix: string) => `${PLACEHOLDER_CODE_PREFIX}P${pc}.${suffix}`;
  const provinceName = `${typeWord(province)} ${province.name}`;
  const root = `${pc}:ubnd`;
  const list: SeedAgency[] = [
    {
      seedKey: root,
      name: `UBND ${provinceName}`,
      type: 'province_committee',
      unitCode: pc,
      parentSeedKey: null,
      code: committeeCode ?? placeholder('UBND'),
      isCodePlaceholder: !committeeCode,
      validFrom: null,
      validTo: null,
    },
    {
      seedKey: `${pc}:ttpvhcc`,
      name: `Trung tâm Phục vụ hành chính công ${provinceName}`,
      type: 'service_centre',
      unitCode: pc,
      parentSeedKey: root,
      code: placeholder('TTPVHCC'),
      isCodePlaceholder: true,
      validFrom: null,
      validTo: null,
    },
    {
      seedKey: `${pc}:cong-an`,
      name: `Công an ${provinceName}`,
      type: 'vertical_agency',
      unitCode: pc,
      parentSeedKey: null,
      code: placeholder('CA'),
      isCodePlaceholder: true,
      validFrom: null,
      validTo: null,
    },
  ];
  DEPARTMENTS.filter((d) => !d.onlyProvince || d.onlyProvince === pc).forEach((d, i) =>
    list.push({
      seedKey: `${pc}:so:${d.slug}`,
      name: `${d.name} ${provinceName}`,
      type: 'department',
      unitCode: pc,
      parentSeedKey: root,
      code: placeholder(`S${String(i + 1).padStart(2, '0')}`),
      isCodePlaceholder: true,
      validFrom: null,
      validTo: d.validTo ?? null,
    }),
  );
  for (const district of districts) {
    list.push({
      seedKey: `${pc}:district:${district.code}`,
      name: `UBND ${typeWord(district)} ${district.name}`,
      type: 'district_committee',
      unitCode: district.code,
      parentSeedKey: root,
      code: placeholder(`H${district.code}`),
      isCodePlaceholder: true,
      validFrom: district.validFrom,
      validTo: district.validTo,
    });
  }
  for (const commune of communes) {
    list.push({
      seedKey: `${pc}:commune:${commune.code}`,
      name: `UBND ${typeWord(commune)} ${commune.name}`,
      type: 'commune_committee',
      unitCode: commune.code,
      parentSeedKey: root,
      code: placeholder(`X${commune.code}`),
      isCodePlaceholder: true,
      validFrom: commune.validFrom,
      validTo: commune.validTo,
    });
  }
  return list;
}

/**
 * Seeds the agencies of `provinceCode` as of `date` (its current communes; its districts of the last
 * three-level day) and assigns the imported procedures to them. Idempotent: re-running updates by seed key and
 * never overwrites an official code an administrator has entered.
 */
export async function seedAgencies(db: Db, input: { provinceCode: string; date: string; seedDir: string }) {
  return db.transaction(async (tx) => {
    const provinces = await listUnitsAsOf(tx, input.date, undefined);
    const province = provinces.find((p) => p.code === input.provinceCode);
    if (!province)
      throw new Error(`Province ${input.provinceCode} does not exist on ${input.date}; import units first.`);
    const communes = await listUnitsAsOf(tx, input.date, input.provinceCode);
    const lastThreeLevelDay = await lastDayWithDistricts(tx, input.provinceCode);
    const districts = lastThreeLevelDay ? await listUnitsAsOf(tx, lastThreeLevelDay, input.provinceCode) : [];
    const committeeCode = readProvinceCommitteeCodes(input.seedDir).get(input.provinceCode);
    const seeds = buildSeedAgencies(
      province,
      communes.filter((u) => u.level === 'commune'),
      districts.filter((u) => u.level === 'district'),
      committeeCode,
    );

    const idBySeedKey = new Map<string, string>();
    // Parents first: the list is ordered so every parent precedes its children.
    for (const seed of seeds) {
      const parentId = seed.parentSeedKey ? (idBySeedKey.get(seed.parentSeedKey) ?? null) : null;
      const [row] = await tx
        .insert(agencies)
        .values({ ...seed, parentId })
        .onConflictDoUpdate({
          target: agencies.seedKey,
          set: {
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            unitCode: sql`excluded.unit_code`,
            parentId: sql`excluded.parent_id`,
            validFrom: sql`excluded.valid_from`,
            validTo: sql`excluded.valid_to`,
            code: sql`CASE WHEN agencies.is_code_placeholder THEN excluded.code ELSE agencies.code END`,
            isCodePlaceholder: sql`agencies.is_code_placeholder AND excluded.is_code_placeholder`,
          },
        })
        .returning({ id: agencies.id });
      if (row) idBySeedKey.set(seed.seedKey, row.id);
    }
    const assigned = await assignSeedProcedures(tx, input.provinceCode);
    return { agencies: seeds.length, assignments: assigned };
  });
}

async function lastDayWithDistricts(tx: Tx, provinceCode: string): Promise<string | undefined> {
  const rows = await queryRows<{ day: string | null }>(
    tx,
    sql`SELECT max(valid_to)::text AS day FROM admin_units WHERE level = 'district' AND parent_code = ${provinceCode}`,
  );
  const end = rows[0]?.day;
  return end ? previousIsoDate(end) : undefined;
}

/**
 * Demo catalogue per agency: the 2022 ICT catalogue → the Department of ICT; national provincial-level
 * procedures → the department of their ministry (Justice, Construction) or the provincial police; national
 * commune-level procedures → every commune people's committee.
 */
async function assignSeedProcedures(tx: Tx, provinceCode: string): Promise<number> {
  const byMinistry: [string, string][] = [
    ['Bộ Tư pháp', `${provinceCode}:so:tu-phap`],
    ['Bộ Xây dựng', `${provinceCode}:so:xay-dung`],
    ['Bộ Công an', `${provinceCode}:cong-an`],
  ];
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`WITH rules AS (
          SELECT a.id AS agency_id, p.id AS procedure_id
            FROM procedures p JOIN agencies a ON a.seed_key = ${`${provinceCode}:so:thong-tin-truyen-thong`}
           WHERE p.source = 'hanoi_ict_2022'
          UNION ALL
          SELECT a.id, p.id
            FROM procedures p
            JOIN procedure_versions v ON v.id = p.current_version_id
            JOIN (VALUES ${sql.join(
              byMinistry.map(([ministry, key]) => sql`(${ministry}, ${key})`),
              sql`, `,
            )}) AS m(ministry, seed_key)
              ON m.ministry = v.managing_ministry
            JOIN agencies a ON a.seed_key = m.seed_key
           WHERE p.source = 'dvcqg' AND 'province' = ANY(v.levels)
          UNION ALL
          SELECT a.id, p.id
            FROM procedures p
            JOIN procedure_versions v ON v.id = p.current_version_id
            JOIN agencies a ON a.type = 'commune_committee' AND a.seed_key LIKE ${`${provinceCode}:commune:%`} AND a.valid_to IS NULL
           WHERE p.source = 'dvcqg' AND 'commune' = ANY(v.levels)
        ), inserted AS (
          INSERT INTO agency_procedures (agency_id, procedure_id, role)
          SELECT agency_id, procedure_id, 'implementing' FROM rules
          ON CONFLICT DO NOTHING RETURNING 1
        )
        SELECT count(*)::int AS n FROM inserted`,
  );
  return rows[0]?.n ?? 0;
}
