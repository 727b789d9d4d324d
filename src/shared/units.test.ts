import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidAgencyCode } from './agencies.ts';
import { parseChannel, parseProcedureLevel } from './procedures.ts';
import { classifyUnitType, isValidIsoDate, previousIsoDate } from './units.ts';

describe('unit vocabulary', () => {
  it('classifies the Vietnamese type names of all three levels', () => {
    assert.deepEqual(classifyUnitType('Thành phố trực thuộc trung ương'), {
      type: 'municipality',
      level: 'province',
    });
    assert.deepEqual(classifyUnitType('Thành phố thuộc tỉnh'), {
      type: 'provincial_city',
      level: 'district',
    });
    assert.deepEqual(classifyUnitType('Thị trấn'), { type: 'township', level: 'commune' });
    assert.deepEqual(classifyUnitType('Đặc khu tại hải đảo'), { type: 'special_zone', level: 'commune' });
    assert.equal(classifyUnitType('Khu phố'), undefined);
  });

  it('accepts only real calendar dates', () => {
    assert.equal(isValidIsoDate('2024-02-29'), true);
    assert.equal(isValidIsoDate('2025-02-29'), false);
    assert.equal(isValidIsoDate('2025-7-1'), false);
    assert.equal(previousIsoDate('2025-07-01'), '2025-06-30');
    assert.equal(previousIsoDate('2024-03-01'), '2024-02-29');
  });
});

describe('agency codes (QĐ 20/2020)', () => {
  it('accepts up to 35 digits, capitals and dots, and nothing else', () => {
    assert.equal(isValidAgencyCode('000.00.00.H26'), true);
    assert.equal(isValidAgencyCode('H56.14'), true);
    assert.equal(isValidAgencyCode('000.00.00.h26'), false);
    assert.equal(isValidAgencyCode('000..H26'), false);
    assert.equal(isValidAgencyCode('A'.repeat(36)), false);
  });
});

describe('procedure vocabulary', () => {
  it('maps the portal labels of levels and channels', () => {
    assert.equal(parseProcedureLevel('Cấp xã'), 'commune');
    assert.equal(parseProcedureLevel('Cấp thôn'), undefined);
    assert.equal(parseChannel('Dịch vụ bưu chính'), 'post');
    assert.equal(parseChannel('Trực tuyến'), 'online');
  });
});
