// HTTP: the printable forms 01–06 of a dossier as PDF (only for those who may see the dossier).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../deps.ts';
import { ErrorResponse, Uuid } from '../../http/schemas.ts';
import { requireViewer } from '../../http/session.ts';
import { renderForm05, renderForm06 } from './control-forms.ts';
import { renderForm01, renderForm02, renderForm03, renderForm04 } from './dossier-forms.ts';
import { loadFormCalendar, loadFormData } from './form-data.ts';

const FORMS = ['01', '02', '03', '04', '05', '06'] as const;

export function formsRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/dossiers/:id/forms/:form',
      {
        schema: {
          tags: ['dossiers'],
          summary: 'Form 01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 process control, 06 register line (PDF)',
          params: Type.Object({ id: Uuid, form: Type.Enum(FORMS.map((f) => `${f}.pdf`) as [string, ...string[]]) }),
          response: { 200: Type.Unknown({ description: 'application/pdf' }), 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const data = await loadFormData(deps, viewer, request.params.id);
        const form = request.params.form.slice(0, 2);
        const pdf =
          form === '01' ? await renderForm01(data)
          : form === '02' ? await renderForm02(data)
          : form === '03' ? await renderForm03(data)
          : form === '04' ? await renderForm04(data)
          : form === '05' ? await renderForm05(data, await loadFormCalendar(data), deps.clock.now().getTime())
          : await renderForm06(data.receivingAgency, [data]);
        const name = `mau-${form}-${data.dossier.code ?? data.dossier.id}.pdf`;
        return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
      },
    );
  };
}
