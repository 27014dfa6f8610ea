import { useMemo } from 'react';
import { z } from 'zod';
import { interactionTemplateSchema } from '../../../../contract/setup-tables';
import type { Choice } from '../shared/fields';
import { recordPath, SETUP_LISTS, templateLanguages } from '../shared/lists';
import { REFERENCES } from '../shared/references';
import { SetupTable } from '../shared/SetupTable';
import type { TableSpec } from '../shared/table-spec';

type InteractionTemplate = z.output<typeof interactionTemplateSchema>;
type TemplateLanguage = { languageCode: string; description: string };

const INFORMATION_FLOWS: readonly Choice[] = [
  { value: '', label: 'setup.interactionTemplates.flowNone' },
  { value: 'outbound', label: 'setup.interactionTemplates.outbound' },
  { value: 'inbound', label: 'setup.interactionTemplates.inbound' },
];
const INITIATED_BY: readonly Choice[] = [
  { value: '', label: 'setup.interactionTemplates.initiatedNone' },
  { value: 'us', label: 'setup.interactionTemplates.us' },
  { value: 'them', label: 'setup.interactionTemplates.them' },
];
// The same channels, in the same words, as Marketing Setup's default correspondence type.
const CORRESPONDENCE_TYPES: readonly Choice[] = [
  { value: '', label: 'marketingSetup.choice.defaultCorrespondenceType.' },
  { value: 'hardCopy', label: 'marketingSetup.choice.defaultCorrespondenceType.hardCopy' },
  { value: 'email', label: 'marketingSetup.choice.defaultCorrespondenceType.email' },
];

/** A template's languages (§5.2): a table of its own under the template, each language saved and deleted on its own. */
function languagesSpec(templateCode: string): TableSpec<TemplateLanguage> {
  const base = `${recordPath('/setup/interaction-templates', templateCode)}/languages`;
  return {
    title: 'setup.templateLanguages.title',
    intro: 'setup.templateLanguages.intro',
    newRecord: 'setup.templateLanguages.new',
    list: templateLanguages(templateCode),
    key: { name: 'languageCode', label: 'setup.templateLanguages.language', maxLength: 10, kind: { kind: 'reference', source: REFERENCES.languages, maxLength: 10, required: true } },
    keyOf: (row) => row.languageCode,
    columns: [{ label: 'setup.field.description', text: (row) => row.description }],
    fields: [{ name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 100 } }],
    savePath: (languageCode) => recordPath(base, languageCode),
    saveReply: z.object({ templateCode: z.string(), languageCode: z.string(), description: z.string() }),
    deletePath: (languageCode) => recordPath(base, languageCode),
  };
}

function TemplateLanguages({ row }: { row: InteractionTemplate }) {
  const spec = useMemo(() => languagesSpec(row.code), [row.code]);
  return <SetupTable spec={spec} layout="nested" />;
}

const spec: TableSpec<InteractionTemplate> = {
  title: 'nav.interactionTemplates',
  intro: 'setup.interactionTemplates.intro',
  newRecord: 'setup.interactionTemplates.new',
  list: SETUP_LISTS.interactionTemplates,
  key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.field.description', text: (row) => row.description },
    { label: 'setup.interactionTemplates.group', text: (row) => row.interactionGroupCode },
    { label: 'setup.interactionTemplates.language', text: (row) => row.languageCode },
  ],
  fields: [
    { name: 'description', label: 'setup.field.description', hint: 'setup.interactionTemplates.descriptionHint', kind: { kind: 'text', maxLength: 100 } },
    { name: 'interactionGroupCode', label: 'setup.interactionTemplates.group', kind: { kind: 'reference', source: REFERENCES.interactionGroups, maxLength: 10, required: true } },
    { name: 'unitCost', label: 'setup.interactionTemplates.unitCost', hint: 'setup.interactionTemplates.unitCostHint', kind: { kind: 'decimal', min: 0, max: 1e12 } },
    { name: 'unitDurationMin', label: 'setup.interactionTemplates.unitDuration', hint: 'setup.interactionTemplates.unitDurationHint', kind: { kind: 'decimal', min: 0, max: 1e9 } },
    { name: 'informationFlow', label: 'setup.interactionTemplates.informationFlow', kind: { kind: 'choice', options: INFORMATION_FLOWS } },
    { name: 'initiatedBy', label: 'setup.interactionTemplates.initiatedBy', kind: { kind: 'choice', options: INITIATED_BY } },
    { name: 'correspondenceType', label: 'setup.interactionTemplates.correspondenceType', kind: { kind: 'choice', options: CORRESPONDENCE_TYPES } },
    { name: 'ignoreContactCorresType', label: 'setup.interactionTemplates.ignoreContactCorresType', hint: 'setup.interactionTemplates.ignoreContactCorresTypeHint', kind: { kind: 'flag' } },
    { name: 'languageCode', label: 'setup.interactionTemplates.language', hint: 'setup.interactionTemplates.languageHint', kind: { kind: 'reference', source: REFERENCES.languages, maxLength: 10 } },
    { name: 'campaignNo', label: 'setup.interactionTemplates.campaignNo', hint: 'setup.interactionTemplates.campaignNoHint', kind: { kind: 'code', maxLength: 20 } },
    { name: 'campaignTarget', label: 'setup.interactionTemplates.campaignTarget', kind: { kind: 'flag' } },
    { name: 'campaignResponse', label: 'setup.interactionTemplates.campaignResponse', kind: { kind: 'flag' } },
  ],
  Beside: TemplateLanguages,
  savePath: (code) => recordPath('/setup/interaction-templates', code),
  saveReply: interactionTemplateSchema,
};

/**
 * Interaction templates (§5.2): what an interaction of each kind records by default (group, cost,
 * duration, direction, channel, campaign), and the languages a saved template is set up in.
 */
export function InteractionTemplatesPage() {
  return <SetupTable spec={spec} />;
}
