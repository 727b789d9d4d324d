import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hashRecord,
  parseComponents,
  parseDvcqgRecord,
} from './parse-procedure-sources.ts';
import { parseHanoiIctRecord } from './parse-hanoi-ict.ts';

describe('parseDvcqgRecord', () => {
  const record = {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    managing_ministry: 'Bộ Tư pháp',
    levels: ['Cấp xã', 'Cấp tỉnh', 'Cấp huyện'],
    field: 'Hộ tịch',
    applicant: 'Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài',
    implementing_agency: 'Không có thông tin',
    channels: [
      {
        channel: 'Trực tuyến',
        time_value: 1.0,
        fee_and_note_text: 'Ngày làm việcMiễn phí',
        fee_amounts_vnd: [],
        free: true,
      },
      {
        channel: 'Trực tiếp',
        time_value: 3,
        fee_and_note_text: 'Ngày100,000 Đồng',
        fee_amounts_vnd: [100000],
        free: false,
      },
      {
        channel: 'Dịch vụ bưu chính',
        time_value: null,
        fee_and_note_text: 'Không có thông tinKhông có thông tin',
        fee_amounts_vnd: [],
        free: false,
      },
      { channel: 'Fax', time_value: 1, fee_and_note_text: '', fee_amounts_vnd: [] },
    ],
  };

  it('reads levels, applicants, channels with their units, and drops "Không có thông tin"', () => {
    const result = parseDvcqgRecord(record);
    assert.ok(result.ok);
    const p = result.procedure;
    assert.equal(p.nationalCode, '1.001193');
    assert.equal(p.sourceKey, '1.001193');
    assert.deepEqual(p.levels, ['commune', 'province', 'district']);
    assert.deepEqual(p.applicantTypes, ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài']);
    assert.equal(p.implementingAgencyText, null);
    const [online, inPerson, post] = p.variants[0]?.channels ?? [];
    assert.deepEqual(
      [online?.channel, online?.durationValue, online?.durationUnit, online?.isFree],
      ['online', 1, 'working_days', true],
    );
    assert.deepEqual(
      [inPerson?.durationUnit, inPerson?.feeText, inPerson?.feeAmountsVnd],
      ['calendar_days', '100,000 Đồng', [100000]],
    );
    assert.deepEqual([post?.durationValue, post?.durationUnit, post?.feeText], [null, null, null]);
    assert.deepEqual(result.warnings, ['unknown channel "Fax"']);
  });

  it('keeps the national code empty when the record has none, and keys it by name and ministry', () => {
    const result = parseDvcqgRecord({ ...record, code: '' });
    assert.ok(result.ok);
    assert.equal(result.procedure.nationalCode, null);
    assert.equal(result.procedure.sourceKey, 'name:thủ tục đăng ký khai sinh|bộ tư pháp');
  });

  it('refuses a record without a name or that is not an object', () => {
    assert.deepEqual(parseDvcqgRecord({ code: '1.1' }), { ok: false, reason: 'missing name' });
    assert.deepEqual(parseDvcqgRecord([1, 2]), { ok: false, reason: 'not a JSON object' });
  });

  it('hashes the same content the same whatever the key order', () => {
    assert.equal(hashRecord({ a: 1, b: [1, { c: 2, d: 3 }] }), hashRecord({ b: [1, { d: 3, c: 2 }], a: 1 }));
    assert.notEqual(hashRecord({ a: 1 }), hashRecord({ a: 2 }));
  });
});

describe('parseHanoiIctRecord', () => {
  it('turns the deadline into a duration for every channel the text names', () => {
    const result = parseHanoiIctRecord({
      id: 'HN-X-01',
      name: 'Cấp giấy phép',
      level: 'Cấp tỉnh',
      online_service_level: 3,
      deadline_value: 20,
      deadline_unit: 'days',
      deadline_text: '20 ngày',
      fee_text: 'Lệ phí 10.750.000 đồng',
      fee_amounts_vnd: [10750000],
      fee_free: false,
      channels: '- Nộp hồ sơ trực tiếp. - Qua dịch vụ bưu chính. - Nộp trực tuyến qua cổng dịch vụ công.',
      tthc_code: '',
    });
    assert.ok(result.ok);
    const p = result.procedure;
    assert.equal(p.nationalCode, null);
    assert.equal(p.onlineLevelOld, 3);
    assert.deepEqual(
      p.variants[0]?.channels.map((c) => [c.channel, c.durationValue, c.durationUnit]),
      [
        ['in_person', 20, 'calendar_days'],
        ['online', 20, 'calendar_days'],
        ['post', 20, 'calendar_days'],
      ],
    );
  });
});

describe('parseComponents', () => {
  it('splits the national table text at each quantity', () => {
    assert.deepEqual(
      parseComponents(
        '--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký;1 bản chính- Giấy chứng sinh.1 bản chính,1 bản sao',
      ),
      [
        { name: 'Tờ khai đăng ký;', quantity: '1 bản chính' },
        { name: 'Giấy chứng sinh.', quantity: '1 bản chính,1 bản sao' },
      ],
    );
  });

  it('splits the provincial list into items and keeps the number of sets', () => {
    const components = parseComponents(
      '1. Thành phần hồ sơ: - Giấy đề nghị; - Bản sao giấy chứng nhận\n2. Số lượng hồ sơ: 01 bộ là bản gốc.',
    );
    assert.deepEqual(components, [
      { name: 'Giấy đề nghị', quantity: '01 bộ là bản gốc.' },
      { name: 'Bản sao giấy chứng nhận', quantity: '01 bộ là bản gốc.' },
    ]);
    assert.deepEqual(parseComponents(null), []);
  });
});
