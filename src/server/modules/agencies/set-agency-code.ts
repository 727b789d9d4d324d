// Use case: an administrator enters an agency's official electronic code, replacing a placeholder.
import { eq, sql } from 'drizzle-orm';
import { isValidAgencyCode } from '../../../shared/agencies.ts';
import type { Db } from '../../db/client.ts';
import { agencies } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { findAgency, findAgencyByCode } from './agencies.queries.ts';

/** Sets the official code of agency `id`; throws INVALID_INPUT, NOT_FOUND or CONFLICT (code already used). */
export async function setAgencyCode(db: Db, input: { id: string; code: string }) {
  const code = input.code.trim();
  if (!isValidAgencyCode(code)) {
    throw AppError.invalidInput([
      {
        path: 'code',
        rule: 'agency_code',
        message: 'mã định danh phải gồm tối đa 35 ký tự chữ số, chữ in hoa A–Z và dấu chấm (QĐ 20/2020)',
        messageEn: 'must be up to 35 characters of digits, A–Z and dots (QĐ 20/2020)',
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const agency = await findAgency(tx, input.id);
    if (!agency) throw AppError.notFound('cơ quan', 'Agency', input.id);
    const holder = await findAgencyByCode(tx, code);
    if (holder && holder.id !== agency.id) {
      throw new AppError(
        'CONFLICT',
        `Mã ${code} đã được dùng cho "${holder.name}".`,
        `Code ${code} is already used by "${holder.name}".`,
        {
          agencyId: holder.id,
        },
      );
    }
    const [updated] = await tx
      .update(agencies)
      .set({ code, isCodePlaceholder: false, updatedAt: sql`now()` })
      .where(eq(agencies.id, agency.id))
      .returning();
    return updated;
  });
}
