// HTTP: GET /api/indicator-settings (officers: their province's indicator settings, the defaults until changed) and
// PUT /api/indicator-settings (a province administrator replaces the province's changes; `version` must be the one
// read, else 409). Values are checked in src/shared/indicators/settings.ts (points ≥ 0, thresholds in (0, 1]).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SETTABLE_SUB_INDICATORS, type ProvinceIndicatorSettings } from '../../../shared/indicators/settings.ts';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { readSettingsForViewer, updateProvinceSettings } from './settings-store.ts';

const Threshold = Type.Union([Type.Number(), Type.Null()], { description: 'T as a fraction in (0, 1], or null for no threshold' });
const closed = { additionalProperties: false } as const;
const SubSetting = Type.Object({ enabled: Type.Optional(Type.Boolean()), points: Type.Optional(Type.Number()), threshold: Type.Optional(Threshold) }, closed);

const Overrides = Type.Object(
  {
    timeliness: Type.Optional(Type.Object({ points: Type.Optional(Type.Number()), threshold: Type.Optional(Threshold) }, closed)),
    subIndicators: Type.Optional(Type.Object(Object.fromEntries(SETTABLE_SUB_INDICATORS.map((id) => [id, Type.Optional(SubSetting)])), closed)),
    bands: Type.Optional(
      Type.Object({ excellent: Type.Optional(Type.Number()), good: Type.Optional(Type.Number()), fair: Type.Optional(Type.Number()), average: Type.Optional(Type.Number()) }, closed),
    ),
    dislikeMaxScore: Type.Optional(Type.Integer()),
    satisfiedMinScore: Type.Optional(Type.Integer({ description: 'A rating at or above this score counts as satisfied (default 4 of 5)' })),
  },
  { ...closed, description: 'The province’s changes over the defaults (what is left out keeps its default)' },
);

const View = Type.Object({
  provinceCode: Type.String(),
  version: Type.Integer({ description: '0 while the province uses the defaults' }),
  settings: Type.Unknown({ description: 'The settings the indicators use: the changes merged over the defaults' }),
  overrides: Type.Unknown({ description: 'The province’s own changes, as stored' }),
  groupSums: Type.Record(Type.String(), Type.Number(), { description: 'Each 766 group’s maximum under these settings' }),
  totalPoints: Type.Number(),
});

export function indicatorSettingsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/indicator-settings',
      {
        schema: {
          tags: ['indicators'],
          summary: 'The indicator settings of the viewer’s province (766 points, thresholds, bands), with each group’s maximum',
          response: { 200: View, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => readSettingsForViewer(deps, requireViewer(request)),
    );
    app.put(
      '/indicator-settings',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Replace the province’s changes (province administrator); `version` must be the one read, else 409',
          body: Type.Object({ version: Type.Integer({ minimum: 0 }), settings: Overrides }, closed),
          response: { 200: View, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request) => updateProvinceSettings(deps, requireViewer(request), { version: request.body.version, settings: request.body.settings as ProvinceIndicatorSettings }),
    );
  };
}
