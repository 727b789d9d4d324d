// HTTP: GET /api/reports/ii-06a?from=&to=&agencyId=&format=json|xlsx|pdf — form II.06a/VPCP/KSTT of a period, one row
// per agency in the viewer's scope and a total row, as JSON, an Excel workbook or a PDF (docs/INDICATORS.md).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { fileName, report06aPdf, report06aXlsx } from './report-06a-files.ts';
import { report06a } from './report-06a.ts';

const Count = Type.Integer();
const LocalDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'A Vietnam date, YYYY-MM-DD' });
const Form = Type.Object({
  received: Type.Object({ total: Count, online: Count, inPersonOrPost: Count, carriedOver: Count }),
  resolved: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
  pending: Type.Object({ total: Count, withinDeadline: Count, overdue: Count }),
});
const Report = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  asOf: Type.String({ description: 'Figures as of the start of this day: the period end, or today for a running period' }),
  groupBy: Type.Union([Type.Literal('agency'), Type.Literal('field')]),
  rows: Type.Array(
    Type.Intersect([
      Type.Object({
        label: Type.String({ description: 'The second column: the agency, or the field and level' }),
        agencyId: Type.Optional(Type.String()),
        agencyName: Type.Optional(Type.String()),
        level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')])),
        field: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      }),
      Form,
    ]),
  ),
  total: Form,
});

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export function report06aRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/reports/ii-06a',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Form II.06a/VPCP/KSTT of [from, to) by agency in the viewer’s scope, with a total row, as JSON, .xlsx or .pdf',
          querystring: Type.Object({
            agencyId: Type.Optional(Type.String({ format: 'uuid' })),
            from: LocalDate,
            to: { ...LocalDate, description: 'The first day after the period (exclusive); at most 366 days after from' },
            groupBy: Type.Optional(Type.Union([Type.Literal('agency'), Type.Literal('field')], { default: 'agency', description: 'One row per agency, or per level and field (lĩnh vực)' })),
            format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx'), Type.Literal('pdf')], { default: 'json' })),
          }),
          response: { 200: Type.Union([Report, Type.Unknown({ description: 'the .xlsx or .pdf file' })]), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const report = await report06a(deps, requireViewer(request), request.query);
        const format = request.query.format ?? 'json';
        if (format === 'json') return report;
        const file = format === 'xlsx' ? await report06aXlsx(report) : await report06aPdf(report);
        return reply.type(MIME[format]).header('content-disposition', `attachment; filename="${fileName(report, format)}"`).send(file);
      },
    );
  };
}
