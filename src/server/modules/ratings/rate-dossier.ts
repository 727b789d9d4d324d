// Use case: the applicant rates the service once the result is ready or returned; one rating per dossier.
import { formatVietnamIso } from '../../../shared/calendar/vietnam-time.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/session.ts';
import { canSee, dossierNotFound } from '../dossiers/dossier-access.ts';
import { findDossier } from '../dossiers/dossiers.queries.ts';
import { insertRating, type RatingRow } from './ratings.queries.ts';

/** Statuses in which the applicant may rate: the result exists. */
export const RATABLE_STATUSES: readonly string[] = ['result_ready', 'returned'];

export const presentRating = (rating: RatingRow) => ({ score: rating.score, comment: rating.comment, createdAt: formatVietnamIso(rating.createdAt.getTime()) });

/**
 * Records the rating. NOT_FOUND for a dossier the viewer cannot see, FORBIDDEN for anyone but the dossier's citizen,
 * CONFLICT `result_not_ready` before the result and `already_rated` the second time.
 */
export async function rateDossier(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, dossierId: string, input: { score: number; comment?: string | undefined }) {
  const dossier = await findDossier(deps.db, dossierId);
  if (!dossier || !canSee(viewer, dossier)) throw dossierNotFound(dossierId);
  if (viewer.kind !== 'citizen' || dossier.citizenUserId !== viewer.userId) {
    throw new AppError('FORBIDDEN', 'Chỉ người nộp hồ sơ mới được đánh giá.', 'Only the applicant who filed the dossier may rate it.', { rule: 'applicant_only' });
  }
  if (!RATABLE_STATUSES.includes(dossier.status)) {
    throw new AppError('CONFLICT', 'Chỉ đánh giá được khi hồ sơ đã có kết quả.', 'A dossier can be rated once its result is ready.', { rule: 'result_not_ready', status: dossier.status });
  }
  const comment = input.comment?.trim() || null;
  const rating = await insertRating(deps.db, { dossierId, ratedBy: viewer.userId, score: input.score, comment, createdAt: deps.clock.now() });
  if (!rating) throw new AppError('CONFLICT', 'Hồ sơ này đã được đánh giá.', 'This dossier has already been rated.', { rule: 'already_rated' });
  return rating;
}
