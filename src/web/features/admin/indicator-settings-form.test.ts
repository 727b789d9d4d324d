import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INDICATOR_SETTINGS, mergeIndicatorSettings } from '../../../shared/indicators/settings.ts';
import { draftOf, fieldMessages, GROUP_ROWS, isRowChanged, maxima, overridesOf, resetRow, settingsOf, type Draft } from './indicator-settings-form.ts';

const defaults = () => draftOf(DEFAULT_INDICATOR_SETTINGS);
const withSub = (draft: Draft, id: '4.2' | '5.4' | '1.1', change: Partial<Draft['subIndicators']['4.2']>): Draft => ({
  ...draft,
  subIndicators: { ...draft.subIndicators, [id]: { ...draft.subIndicators[id], ...change } },
});

describe('the 766 settings form', () => {
  it('shows thresholds in percent and an empty input for no threshold', () => {
    const draft = defaults();
    assert.equal(draft.subIndicators['4.2'].threshold, 80);
    assert.equal(draft.subIndicators['5.4'].threshold, 90);
    assert.equal(draft.subIndicators['1.1'].threshold, '');
    assert.equal(draft.timeliness.threshold, '');
    assert.equal(draftOf(mergeIndicatorSettings({ subIndicators: { '4.2': { threshold: 0.29 } } })).subIndicators['4.2'].threshold, 29);
  });

  it('sends nothing while every value is its default', () => {
    assert.deepEqual(overridesOf(settingsOf(defaults())), {});
  });

  it('sends only the values that differ from the defaults, thresholds as fractions', () => {
    let draft = withSub(defaults(), '4.2', { threshold: 25 });
    draft = withSub(draft, '5.4', { enabled: false });
    draft = withSub(draft, '1.1', { points: '7', threshold: '50' });
    draft = { ...draft, timeliness: { points: 20, threshold: 100 }, bands: { ...draft.bands, fair: 60 }, satisfiedMinScore: 5 };
    assert.deepEqual(overridesOf(settingsOf(draft)), {
      timeliness: { threshold: 1 },
      subIndicators: { '1.1': { points: 7, threshold: 0.5 }, '4.2': { threshold: 0.25 }, '5.4': { enabled: false } },
      bands: { fair: 60 },
      satisfiedMinScore: 5,
    });
  });

  it('clears a default threshold when its input is emptied', () => {
    assert.deepEqual(overridesOf(settingsOf(withSub(defaults(), '4.2', { threshold: '' }))), { subIndicators: { '4.2': { threshold: null } } });
  });

  it('sums each group like the server: 100 by default, 94 without 5.4', () => {
    const base = maxima(settingsOf(defaults()));
    assert.deepEqual(base.groups, { transparency: 18, timeliness: 20, online_service: 12, online_payment: 10, digitisation: 22, satisfaction: 18 });
    assert.equal(base.total, 100);
    const without = maxima(settingsOf(withSub(defaults(), '5.4', { enabled: false })));
    assert.equal(without.groups.satisfaction, 12);
    assert.equal(without.total, 94);
    assert.equal(maxima(settingsOf(withSub(defaults(), '1.1', { points: 6.5 }))).total, 100.5);
  });

  it('lists each group’s rows in the order of the index, 2.1 in timeliness', () => {
    assert.deepEqual(GROUP_ROWS.timeliness, ['2.1']);
    assert.deepEqual(GROUP_ROWS.satisfaction, ['5.2', '5.3', '5.4']);
    assert.deepEqual(GROUP_ROWS.online_service, ['full_process', '3.1', '3.2', '3.3']);
  });

  it('marks a changed row and puts it back to its default', () => {
    const draft = withSub(defaults(), '4.2', { threshold: 25 });
    assert.equal(isRowChanged(settingsOf(draft), '4.2'), true);
    assert.equal(isRowChanged(settingsOf(draft), '4.1'), false);
    const reset = resetRow(draft, '4.2');
    assert.equal(reset.subIndicators['4.2'].threshold, 80);
    assert.deepEqual(overridesOf(settingsOf(reset)), {});
    const banded = { ...defaults(), bands: { ...defaults().bands, good: 85 }, dislikeMaxScore: 1 };
    assert.equal(isRowChanged(settingsOf(banded), 'good'), true);
    assert.equal(isRowChanged(settingsOf(banded), 'dislikeMaxScore'), true);
    assert.deepEqual(overridesOf(settingsOf(resetRow(resetRow(banded, 'good'), 'dislikeMaxScore'))), {});
  });

  it('names the field each broken rule belongs to, a threshold in percent words', () => {
    let draft = withSub(defaults(), '4.2', { points: -1, threshold: 150 });
    draft = { ...draft, satisfiedMinScore: 2 };
    const messages = fieldMessages(settingsOf(draft), [], 'vi', 'T in percent');
    assert.deepEqual(messages, {
      'subIndicators.4.2.points': 'điểm phải là số không âm',
      'subIndicators.4.2.threshold': 'T in percent',
      satisfiedMinScore: 'điểm hài lòng phải cao hơn điểm "không hài lòng"',
    });
    assert.deepEqual(fieldMessages(settingsOf(withSub(defaults(), '1.1', { points: '' })), [], 'en', 'x'), { 'subIndicators.1.1.points': 'points must be a number ≥ 0' });
  });

  it('puts the server’s issues under their fields', () => {
    const issue = { path: 'body.settings.bands.good', rule: 'decreasing', message: 'ngưỡng phải thấp hơn ngưỡng xếp loại trên', messageEn: 'must be below the band above' };
    assert.deepEqual(fieldMessages(settingsOf(defaults()), [issue], 'vi', 'x'), { 'bands.good': 'ngưỡng phải thấp hơn ngưỡng xếp loại trên' });
    assert.deepEqual(fieldMessages(settingsOf(defaults()), [issue], 'en', 'x'), { 'bands.good': 'must be below the band above' });
  });
});
