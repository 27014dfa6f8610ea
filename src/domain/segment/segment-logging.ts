import { RapportError } from '../errors';
import type { CorrespondenceType } from '../contact/contact';

/**
 * The checks Business Central makes before logging a segment (§6.3 step 1), in its order: a segment
 * is logged once (`conflict`), its Description is required and it must have a line with a contact
 * (`validation_failed`). A Description of spaces only counts as blank.
 */
export function checkCanLog(header: { no: string; description: string; logged: boolean }, lines: readonly { contactNo: string }[]): void {
  if (header.logged) {
    throw new RapportError('conflict', `Logged Segment for Segment No. ${header.no} already exists.`, { details: { segmentNo: header.no } });
  }
  if (header.description.trim() === '') {
    throw new RapportError('validation_failed', `Description must have a value in Segment ${header.no}.`, {
      fields: [{ path: 'description', message: 'Required to log the segment.' }],
    });
  }
  if (!lines.some((line) => line.contactNo !== '')) {
    throw new RapportError('validation_failed', `Segment ${header.no} is empty.`, { details: { segmentNo: header.no } });
  }
}

/**
 * Correspondence Type of a segment line (§6.1): the header's default when the header ignores the
 * contact's type and has a default; else the template's default when the template ignores the
 * contact's type or the contact has none; else the contact's own.
 */
export function lineCorrespondenceType(
  headerDefault: CorrespondenceType,
  headerIgnoresContact: boolean,
  templateDefault: CorrespondenceType,
  templateIgnoresContact: boolean,
  contactType: CorrespondenceType,
): CorrespondenceType {
  if (headerIgnoresContact && headerDefault !== '') return headerDefault;
  if (templateIgnoresContact || contactType === '') return templateDefault;
  return contactType;
}

/** What decides a line's campaign entry when a segment is logged (§6.3 step 3, §7.3). */
export type CampaignEntryLine = { campaignNo: string; segmentNo: string; documentType: string };

/**
 * The campaign entry a line belongs to: one entry per (campaign, segment, document type), so lines
 * with equal keys share one. Lines without a campaign get none (undefined). The key is opaque.
 */
export function campaignEntryKey(line: CampaignEntryLine): string | undefined {
  if (line.campaignNo === '') return undefined;
  return JSON.stringify([line.campaignNo, line.segmentNo, line.documentType]);
}

/** Groups lines by campaign entry, in order of first appearance; lines without a campaign are left out. */
export function groupByCampaignEntry<Line extends CampaignEntryLine>(lines: readonly Line[]): { key: string; campaignNo: string; segmentNo: string; documentType: string; lines: Line[] }[] {
  const groups = new Map<string, { key: string; campaignNo: string; segmentNo: string; documentType: string; lines: Line[] }>();
  for (const line of lines) {
    const key = campaignEntryKey(line);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, campaignNo: line.campaignNo, segmentNo: line.segmentNo, documentType: line.documentType, lines: [line] });
    else group.lines.push(line);
  }
  return [...groups.values()];
}
