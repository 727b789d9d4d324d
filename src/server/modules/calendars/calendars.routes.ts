// HTTP: a province's working calendar per year (review, confirm), its dated entries, settings and change log.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CALENDAR_DAY_KINDS, type CalendarSettings } from '../../../shared/calendar/settings.ts';
import type { Deps } from '../../deps.ts';
import { requireAdmin } from '../../http/admin-auth.ts';
import { ErrorResponse, IsoDate, Uuid } from '../../http/schemas.ts';
import { addCalendarEntry } from './add-calendar-entry.ts';
import { getCalendarSettings, listCalendarChanges, listCalendarEntries, listConfirmedYears, type CalendarEntryRow } from './calendars.queries.ts';
import { confirmCalendarYear } from './confirm-calendar-year.ts';
import { assertCalendarYear, assertProvince, draftYearDays } from './load-calendar.ts';
import { removeCalendarEntry } from './remove-calendar-entry.ts';
import { updateCalendarSettings } from './update-calendar-settings.ts';

const ProvinceParams = Type.Object({ provinceCode: Type.String({ pattern: '^\\d{2}$' }) });
const Day = Type.Object({ date: Type.String(), kind: Type.Enum(CALENDAR_DAY_KINDS), name: Type.String() });
const Actor = Type.String({ minLength: 1, maxLength: 200, description: 'Who makes the change (name or account)' });
const Reason = Type.String({ minLength: 1, maxLength: 2000 });
const security = [{ bearerAuth: [] }];

const Entry = Type.Object({
  id: Type.String(),
  date: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  legalReference: Type.String(),
  reason: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});

function presentEntry(row: CalendarEntryRow) {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    name: row.name,
    legalReference: row.legalReference,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

const SettingsBody = Type.Partial(
  Type.Object({
    weeklyRestDays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 6 }),
    workingPeriods: Type.Array(Type.Object({ start: Type.String(), end: Type.String() }), { minItems: 1, maxItems: 6 }),
    workingDayHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
    workingDayMode: Type.Enum(['working_hours', 'end_of_day']),
    plainHoursAs: Type.Enum(['working_hours', 'elapsed_hours']),
    calendarDeadlineMayEndOnNonWorkingDay: Type.Boolean(),
    paperTransferCutoff: Type.String(),
    paperTransferNextDayGraceMinutes: Type.Integer({ minimum: 0, maximum: 600 }),
    tetDayOffsets: Type.Array(Type.Integer(), { minItems: 1, maxItems: 12 }),
    nationalDayExtra: Type.Enum(['auto', 'before', 'after']),
    supplementRestartsClock: Type.Boolean(),
    supplementRequestWithinWorkingDays: Type.Number({ minimum: 0 }),
    maxSupplementRequests: Type.Integer({ minimum: 0 }),
    supplementAutoClose: Type.Object({ value: Type.Number({ minimum: 0 }), unit: Type.Enum(['calendar_days', 'working_days']) }),
    extensionMinLeadWorkingDays: Type.Number({ minimum: 0 }),
    classificationGranularity: Type.Enum(['minute', 'date']),
    indexUsesExtendedDeadline: Type.Boolean(),
    indexSubtractedPauses: Type.Array(Type.Enum(['supplement', 'financial_obligation'])),
    onlineAcceptanceWorkingHours: Type.Number({ minimum: 0 }),
  }),
  { additionalProperties: false },
);

export function calendarsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const admin = requireAdmin(deps.config.adminApiToken);
  return async (app) => {
    app.get(
      '/calendars/:provinceCode/:year',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Every non-ordinary day of a province\'s year (weekends implied by the settings); the confirmed list, or the draft',
          params: Type.Object({ provinceCode: Type.String({ pattern: '^\\d{2}$' }), year: Type.Integer() }),
          response: {
            200: Type.Object({
              provinceCode: Type.String(),
              year: Type.Integer(),
              confirmed: Type.Boolean(),
              revision: Type.Integer({ description: '0 = never confirmed' }),
              confirmedBy: Type.Union([Type.String(), Type.Null()]),
              confirmedAt: Type.Union([Type.String(), Type.Null()]),
              days: Type.Array(Day),
              draft: Type.Array(Day, { description: 'Rules + current entries: what confirming now would put in force' }),
              hasPendingChanges: Type.Boolean(),
            }),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        const { provinceCode, year } = request.params;
        await assertProvince(deps, provinceCode);
        assertCalendarYear(deps, year, 'params.year');
        const { settings } = await getCalendarSettings(deps.db, provinceCode);
        const [confirmed] = await listConfirmedYears(deps.db, provinceCode, year, year);
        const draft = await draftYearDays(deps.db, provinceCode, year, settings);
        const days = confirmed ? confirmed.days : draft;
        return {
          provinceCode,
          year,
          confirmed: Boolean(confirmed),
          revision: confirmed?.revision ?? 0,
          confirmedBy: confirmed?.confirmedBy ?? null,
          confirmedAt: confirmed?.confirmedAt.toISOString() ?? null,
          days,
          draft,
          hasPendingChanges: Boolean(confirmed) && JSON.stringify(confirmed?.days) !== JSON.stringify(draft),
        };
      },
    );

    app.post(
      '/calendars/:provinceCode/:year/confirm',
      {
        preHandler: admin,
        schema: {
          tags: ['calendars'],
          summary: 'Confirm the reviewed draft of a year: it takes effect as the frozen calendar of that year',
          security,
          params: Type.Object({ provinceCode: Type.String({ pattern: '^\\d{2}$' }), year: Type.Integer() }),
          body: Type.Object({ actor: Actor, expectedRevision: Type.Integer({ minimum: 0 }), note: Type.Optional(Reason) }, { additionalProperties: false }),
          response: { 200: Type.Object({ revision: Type.Integer(), days: Type.Array(Day) }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) =>
        confirmCalendarYear(deps, { ...request.params, actor: request.body.actor, note: request.body.note, expectedRevision: request.body.expectedRevision }),
    );

    app.get(
      '/calendars/:provinceCode/entries',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Dated entries of a province (announced days off, make-up working days, swaps)',
          params: ProvinceParams,
          querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2200 })) }),
          response: { 200: Type.Object({ items: Type.Array(Entry) }), 400: ErrorResponse },
        },
      },
      async (request) => ({ items: (await listCalendarEntries(deps.db, request.params.provinceCode, request.query.year)).map(presentEntry) }),
    );

    app.post(
      '/calendars/:provinceCode/entries',
      {
        preHandler: admin,
        schema: {
          tags: ['calendars'],
          summary: 'Add a dated entry with its legal reference and reason',
          security,
          params: ProvinceParams,
          body: Type.Object(
            {
              date: IsoDate,
              kind: Type.Enum(CALENDAR_DAY_KINDS),
              name: Type.String({ minLength: 1, maxLength: 300 }),
              legalReference: Type.String({ minLength: 1, maxLength: 500, description: 'e.g. the government notice announcing the swap' }),
              reason: Reason,
              actor: Actor,
            },
            { additionalProperties: false },
          ),
          response: { 201: Entry, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const entry = await addCalendarEntry(deps, { provinceCode: request.params.provinceCode, ...request.body });
        return reply.status(201).send(presentEntry(entry));
      },
    );

    app.delete(
      '/calendars/:provinceCode/entries/:id',
      {
        preHandler: admin,
        schema: {
          tags: ['calendars'],
          summary: 'Withdraw an entry (kept, marked removed with who/when/why)',
          security,
          params: Type.Object({ provinceCode: Type.String({ pattern: '^\\d{2}$' }), id: Uuid }),
          body: Type.Object({ actor: Actor, reason: Reason }, { additionalProperties: false }),
          response: { 200: Type.Object({ id: Type.String(), removedAt: Type.String() }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => {
        const removed = await removeCalendarEntry(deps, { ...request.params, ...request.body });
        return { id: removed.id, removedAt: (removed.removedAt as Date).toISOString() };
      },
    );

    app.get(
      '/calendars/:provinceCode/settings',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Legal-clock settings of a province (defaults until changed) and the calendar version',
          params: ProvinceParams,
          response: { 200: Type.Object({ settings: Type.Unknown(), version: Type.Integer() }), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        await assertProvince(deps, request.params.provinceCode);
        const stored = await getCalendarSettings(deps.db, request.params.provinceCode);
        return { settings: stored.settings, version: stored.version };
      },
    );

    app.put(
      '/calendars/:provinceCode/settings',
      {
        preHandler: admin,
        schema: {
          tags: ['calendars'],
          summary: 'Change settings; `version` must be the one read (else 409)',
          security,
          params: ProvinceParams,
          body: Type.Object({ settings: SettingsBody, version: Type.Integer({ minimum: 0 }), actor: Actor, reason: Reason }, { additionalProperties: false }),
          response: { 200: Type.Object({ settings: Type.Unknown(), version: Type.Integer() }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) =>
        updateCalendarSettings(deps, {
          provinceCode: request.params.provinceCode,
          changes: request.body.settings as Partial<CalendarSettings>,
          version: request.body.version,
          actor: request.body.actor,
          reason: request.body.reason,
        }),
    );

    app.get(
      '/calendars/:provinceCode/changes',
      {
        schema: {
          tags: ['calendars'],
          summary: 'Who changed the calendar, when and why (newest first)',
          params: ProvinceParams,
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({ action: Type.String(), year: Type.Union([Type.Integer(), Type.Null()]), actor: Type.String(), reason: Type.Union([Type.String(), Type.Null()]), details: Type.Unknown(), at: Type.String() }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        items: (await listCalendarChanges(deps.db, request.params.provinceCode)).map((c) => ({
          action: c.action,
          year: c.year,
          actor: c.actor,
          reason: c.reason,
          details: c.details,
          at: c.at.toISOString(),
        })),
      }),
    );
  };
}
