import type { CorrespondenceType } from '../../../src/domain/contact/contact';
import { campaignEntryKey, checkCanLog, groupByCampaignEntry, lineCorrespondenceType } from '../../../src/domain/segment/segment-logging';
import { rapportErrorOf } from '../rapport-error';

describe('checks before logging a segment (§6.3)', () => {
  const header = { no: 'SM00012', description: 'Spring mailing', logged: false };

  test('a described segment with a contact line can be logged', () => {
    expect(() => checkCanLog(header, [{ contactNo: '' }, { contactNo: 'CT101' }])).not.toThrow();
  });

  test.each([
    ['an already logged segment', { ...header, logged: true }, [{ contactNo: 'CT101' }], 'conflict', 'Logged Segment for Segment No. SM00012 already exists.'],
    ['a blank description', { ...header, description: '' }, [{ contactNo: 'CT101' }], 'validation_failed', 'Description must have a value in Segment SM00012.'],
    ['a description of spaces only', { ...header, description: '   ' }, [{ contactNo: 'CT101' }], 'validation_failed', 'Description must have a value in Segment SM00012.'],
    ['a segment without lines', header, [], 'validation_failed', 'Segment SM00012 is empty.'],
    ['a segment whose lines have no contact', header, [{ contactNo: '' }], 'validation_failed', 'Segment SM00012 is empty.'],
    ['a logged, undescribed, empty segment is reported as logged first', { no: 'SM00012', description: '', logged: true }, [], 'conflict', 'Logged Segment for Segment No. SM00012 already exists.'],
    ['an undescribed empty segment is reported as undescribed first', { ...header, description: '' }, [], 'validation_failed', 'Description must have a value in Segment SM00012.'],
  ])('%s is refused', (_title, segment, lines, code, message) => {
    const error = rapportErrorOf(() => checkCanLog(segment, lines));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  test('a missing description names the field', () => {
    expect(rapportErrorOf(() => checkCanLog({ ...header, description: '' }, [{ contactNo: 'CT101' }])).fields).toEqual([{ path: 'description', message: 'Required to log the segment.' }]);
  });
});

describe('correspondence type of a segment line (§6.1)', () => {
  test.each<[string, CorrespondenceType, boolean, CorrespondenceType, boolean, CorrespondenceType, CorrespondenceType]>([
    ["the header's default wins when the header ignores the contact's type", 'hardCopy', true, 'email', true, 'email', 'hardCopy'],
    ['a header ignoring the contact without a default falls through to the template', '', true, 'email', true, 'hardCopy', 'email'],
    ["a header default without Ignore is not used; the contact's own type wins", 'hardCopy', false, 'email', false, 'email', 'email'],
    ["the template's default wins when the template ignores the contact's type", '', false, 'hardCopy', true, 'email', 'hardCopy'],
    ["the template's default is used when the contact has none", '', false, 'email', false, '', 'email'],
    ["otherwise the contact's own type", 'email', false, 'email', false, 'hardCopy', 'hardCopy'],
    ['nothing set anywhere gives no correspondence', '', false, '', false, '', ''],
    ['a template ignoring the contact with a blank default gives no correspondence', '', false, '', true, 'email', ''],
  ])('%s', (_title, headerDefault, headerIgnores, templateDefault, templateIgnores, contactType, expected) => {
    expect(lineCorrespondenceType(headerDefault, headerIgnores, templateDefault, templateIgnores, contactType)).toBe(expected);
  });
});

describe('campaign entries of a logged segment (§6.3 step 3)', () => {
  test.each([
    ['the same campaign, segment and document type share an entry', { campaignNo: 'CP1001', segmentNo: 'SM1', documentType: '' }, { campaignNo: 'CP1001', segmentNo: 'SM1', documentType: '' }, true],
    ['another campaign makes another entry', { campaignNo: 'CP1001', segmentNo: 'SM1', documentType: '' }, { campaignNo: 'CP1002', segmentNo: 'SM1', documentType: '' }, false],
    ['another document type makes another entry', { campaignNo: 'CP1001', segmentNo: 'SM1', documentType: '' }, { campaignNo: 'CP1001', segmentNo: 'SM1', documentType: 'salesQuote' }, false],
    ['codes that only join alike do not collide', { campaignNo: 'CP1', segmentNo: '0SM', documentType: '' }, { campaignNo: 'CP10', segmentNo: 'SM', documentType: '' }, false],
  ])('%s', (_title, first, second, same) => {
    expect(campaignEntryKey(first) === campaignEntryKey(second)).toBe(same);
  });

  test('a line without a campaign gets no campaign entry', () => {
    expect(campaignEntryKey({ campaignNo: '', segmentNo: 'SM1', documentType: '' })).toBeUndefined();
  });

  test('lines are grouped into one campaign entry per group, in order of first appearance', () => {
    const lines = [
      { contactNo: 'CT101', campaignNo: 'CP1001', segmentNo: 'SM1', documentType: '' },
      { contactNo: 'CT102', campaignNo: '', segmentNo: 'SM1', documentType: '' },
      { contactNo: 'CT201', campaignNo: 'CP1002', segmentNo: 'SM1', documentType: '' },
      { contactNo: 'CT400', campaignNo: 'CP1001', segmentNo: 'SM1', documentType: '' },
    ];
    const groups = groupByCampaignEntry(lines);
    expect(groups.map((group) => [group.campaignNo, group.lines.map((line) => line.contactNo)])).toEqual([
      ['CP1001', ['CT101', 'CT400']],
      ['CP1002', ['CT201']],
    ]);
  });
});
