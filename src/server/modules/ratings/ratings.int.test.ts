import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { users } from '../../db/schema.ts';
import { hashPassword } from '../accounts/passwords.ts';
import type { TestClient } from '../../testing/http-client.ts';
import { setupLifecycle } from '../../testing/lifecycle-fixture.ts';
import { fixedClock } from '../../testing/test-deps.ts';

const APPLICANT = { name: 'Lê Thị Đánh Giá', phone: '0912000444' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

type Dossier = { id: string; version: number; status: string };

describe('result documents and the rating of a dossier over HTTP', () => {
  let fx: Awaited<ReturnType<typeof setupLifecycle>>;
  let citizen: TestClient, desk: TestClient, handler: TestClient, leader: TestClient, clerk: TestClient, stranger: TestClient;
  let handlerId: string;

  before(async () => {
    fx = await setupLifecycle(fixedClock('2026-03-02T02:00:00Z'));
    await fx.ctx.deps.db.insert(users).values({ kind: 'citizen', username: 'nguoi.la@example.com', displayName: 'Người lạ (thử nghiệm)', passwordHash: await hashPassword('mat-khau-dai') });
    citizen = await fx.login('demo.citizen');
    desk = await fx.login('demo.desk');
    handler = await fx.login('demo.handler');
    leader = await fx.login('demo.leader');
    clerk = await fx.login('demo.clerk');
    stranger = await fx.login('nguoi.la@example.com', 'mat-khau-dai');
    handlerId = (await handler.get('/api/auth/me')).body.id;
  });
  after(async () => {
    await fx.close();
  });

  const step = async (client: TestClient, dossier: Dossier, type: string, fields: Record<string, unknown> = {}): Promise<Dossier> => {
    const result = await fx.act(client, dossier, type, fields);
    assert.equal(result.status, 200, `${type}: ${JSON.stringify(result.body)}`);
    return result.body;
  };

  /** An online dossier of demo.citizen taken up to "approved". */
  async function approvedDossier(): Promise<Dossier> {
    const filed = await citizen.post('/api/dossiers', { requestId: randomUUID(), procedureId: fx.procedureId, channel: 'online', receivingAgencyId: fx.commune, applicant: APPLICANT });
    let dossier: Dossier = filed.body;
    dossier = await step(desk, dossier, 'receive');
    dossier = await step(desk, dossier, 'forward');
    dossier = await step(leader, dossier, 'assign', { assigneeId: handlerId });
    dossier = await step(handler, dossier, 'forward');
    return step(leader, dossier, 'approve');
  }

  it("attaches the clerk's result file; the dossier's citizen sees and downloads it, a stranger does not", async () => {
    let dossier = await approvedDossier();
    const upload = await clerk.upload('/api/files', { name: 'Quyết định công nhận.pdf', content: PDF });
    assert.equal(upload.status, 201);
    dossier = await step(clerk, dossier, 'issue_result', { resultNumber: '15/QĐ-UBND', resultFileIds: [upload.body.id] });
    assert.equal(dossier.status, 'result_ready');

    const detail = (await citizen.get(`/api/dossiers/${dossier.id}`)).body;
    assert.deepEqual(detail.resultFiles, [{ id: upload.body.id, name: 'Quyết định công nhận.pdf', mediaType: 'application/pdf', size: PDF.length }]);
    assert.deepEqual(detail.timeline.at(-1).payload.resultFileIds, [upload.body.id]);
    assert.equal(detail.rating, null);
    const download = await citizen.download(`/api/files/${upload.body.id}`);
    assert.equal(download.status, 200);
    assert.deepEqual(Buffer.from(download.bytes), PDF);
    assert.equal((await stranger.download(`/api/files/${upload.body.id}`)).status, 404);
    assert.equal((await stranger.get(`/api/dossiers/${dossier.id}`)).status, 404);
    // The desk of the receiving agency returns the result and sees the same documents.
    assert.equal((await desk.get(`/api/dossiers/${dossier.id}`)).body.resultFiles.length, 1);
  });

  it('refuses result files that are not the clerk\'s own free uploads, naming each', async () => {
    const dossier = await approvedDossier();
    const others = await citizen.upload('/api/files', { name: 'cua-cong-dan.pdf', content: PDF });
    const bad = await fx.act(clerk, dossier, 'issue_result', { resultNumber: '16/QĐ-UBND', resultFileIds: [others.body.id, randomUUID()] });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.issues.map((i: { path: string; rule: string }) => [i.path, i.rule]), [
      ['body.resultFileIds.0', 'own_upload'],
      ['body.resultFileIds.1', 'own_upload'],
    ]);
    const malformed = await fx.act(clerk, dossier, 'issue_result', { resultNumber: '16/QĐ-UBND', resultFileIds: 'abc' });
    assert.equal(malformed.body.error.details.issues[0].rule, 'file_ids');
    assert.equal((await citizen.get(`/api/dossiers/${dossier.id}`)).body.status, 'approved');
  });

  it('lets only the applicant rate, only once the result is ready, and only once', async () => {
    let dossier = await approvedDossier();
    const early = await citizen.post(`/api/dossiers/${dossier.id}/rating`, { score: 5 });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.details.rule, 'result_not_ready');
    dossier = await step(clerk, dossier, 'issue_result', { resultNumber: '17/QĐ-UBND' });

    assert.equal((await stranger.post(`/api/dossiers/${dossier.id}/rating`, { score: 1 })).status, 404);
    const officer = await desk.post(`/api/dossiers/${dossier.id}/rating`, { score: 5 });
    assert.equal(officer.status, 403);
    assert.equal(officer.body.error.details.rule, 'applicant_only');
    const outOfRange = await citizen.post(`/api/dossiers/${dossier.id}/rating`, { score: 6 });
    assert.equal(outOfRange.status, 400);
    assert.equal(outOfRange.body.error.details.issues[0].path, 'body.score');

    const rated = await citizen.post(`/api/dossiers/${dossier.id}/rating`, { score: 4, comment: '  Nhanh, cán bộ nhiệt tình.  ' });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    assert.deepEqual(rated.body, { score: 4, comment: 'Nhanh, cán bộ nhiệt tình.', createdAt: '2026-03-02T09:00:00+07:00' });
    const again = await citizen.post(`/api/dossiers/${dossier.id}/rating`, { score: 1 });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.details.rule, 'already_rated');
    assert.deepEqual((await citizen.get(`/api/dossiers/${dossier.id}`)).body.rating, rated.body);
    assert.deepEqual((await leader.get(`/api/dossiers/${dossier.id}`)).body.rating.score, 4);
  });

  it('accepts a rating after the result is returned', async () => {
    let dossier = await approvedDossier();
    dossier = await step(clerk, dossier, 'issue_result', { resultNumber: '18/QĐ-UBND' });
    dossier = await step(desk, dossier, 'return_result', { method: 'electronic' });
    assert.equal(dossier.status, 'returned');
    assert.equal((await citizen.post(`/api/dossiers/${dossier.id}/rating`, { score: 5 })).status, 201);
  });

  it('publishes the upload limits for forms to check files before sending them', async () => {
    const limits = (await (await fetch(`${fx.server.url}/api/files/limits`)).json()) as { maxBytes: number; mediaTypes: { name: string }[] };
    assert.equal(limits.maxBytes, fx.ctx.deps.config.uploadMaxBytes);
    assert.deepEqual(limits.mediaTypes.map((m) => m.name), ['PDF', 'JPEG', 'PNG', 'DOCX', 'XLSX']);
  });
});
