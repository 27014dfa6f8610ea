import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type { campaignSchema, targetGroupMemberSchema } from '../../../contract/campaigns';
import { useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { targetGroupPreviewQuery, targetGroupQuery, useActivation } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { QueryError } from '../../shell/QueryError';
import { refusalText } from '../campaigns/refusal-text';
import { DataTable } from '../shared/DataTable';
import { ConfirmDialog, type Outcome, OutcomeMessage, Section, useCardStyles } from './card-parts';

type Campaign = z.output<typeof campaignSchema>;
type Member = z.output<typeof targetGroupMemberSchema>;

export type TargetGroupSectionProps = { campaign: Campaign; manager: boolean };

/**
 * Activate Sales Prices/Line Discounts and Deactivate, as on the Campaign Card. Activate first shows
 * the target group it would make (the companies of the campaign's targets, as customers where they
 * are linked to one) and what it warns about; only the manager's confirmation activates. Below, the
 * group in force.
 */
export function TargetGroupSection({ campaign, manager }: TargetGroupSectionProps) {
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const group = useQuery(targetGroupQuery(api, campaign.no));
  const activation = useActivation(api, campaign.no);
  const [asking, setAsking] = useState<'activate' | 'deactivate' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async (action: 'activate' | 'deactivate') => {
    try {
      await activation.mutateAsync(action);
      setOutcome({ kind: 'done', text: t(action === 'activate' ? 'activation.activated' : 'activation.deactivated') });
    } catch (error) {
      setOutcome({ kind: 'failed', text: t(action === 'activate' ? 'activation.notActivated' : 'activation.notDeactivated', { reason: refusalText(error, shell.t) }) });
    } finally {
      setAsking(null);
    }
  };

  return (
    <Section title={t('card.section.targetGroup')}>
      <Body1 as="p" className={card.muted}>
        {t(campaign.activated ? 'activation.stateActivated' : 'activation.stateNotActivated')}
      </Body1>
      {manager ? (
        <div className={card.commands}>
          <Button
            appearance="primary"
            disabled={activation.isPending}
            onClick={() => {
              setOutcome(null);
              setAsking('activate');
            }}
          >
            {t('activation.activate')}
          </Button>
          {campaign.activated ? (
            <Button
              disabled={activation.isPending}
              onClick={() => {
                setOutcome(null);
                setAsking('deactivate');
              }}
            >
              {t('activation.deactivate')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <OutcomeMessage outcome={outcome} />
      {group.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {group.isError ? <QueryError title={t('card.sectionFailed')} error={group.error} onRetry={() => void group.refetch()} /> : null}
      {group.isSuccess ? (
        group.data.members.length === 0 ? (
          <Text className={card.muted}>{t('activation.noGroup')}</Text>
        ) : (
          <>
            <Text weight="semibold">{t('activation.groupInForce', { count: group.data.members.length })}</Text>
            <MembersTable label={t('activation.groupInForceTable')} members={group.data.members} />
          </>
        )
      ) : null}
      {asking === 'activate' ? <ActivateDialog campaign={campaign} busy={activation.isPending} onConfirm={() => void run('activate')} onCancel={() => setAsking(null)} /> : null}
      {asking === 'deactivate' ? (
        <ConfirmDialog title={t('activation.deactivateTitle', { no: campaign.no })} confirmLabel={t('activation.deactivate')} busy={activation.isPending} onConfirm={() => void run('deactivate')} onCancel={() => setAsking(null)}>
          {t('activation.deactivateText')}
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

function MembersTable({ label, members }: { label: string; members: readonly Member[] }) {
  const card = useCardStyles();
  const t = useCampaignsT();
  return (
    <DataTable
      label={label}
      rows={members}
      rowKey={(member) => `${member.type}:${member.no}`}
      columns={[
        { key: 'type', header: t('activation.column.type'), cell: (member) => t(member.type === 'customer' ? 'activation.member.customer' : 'activation.member.contact') },
        {
          key: 'no',
          header: t('activation.column.no'),
          cell: (member) =>
            member.type === 'contact' ? (
              <Link to="/contacts/$no" params={{ no: member.no }} className={card.link}>
                {member.no}
              </Link>
            ) : (
              member.no
            ),
        },
        { key: 'name', header: t('activation.column.name'), cell: (member) => member.name },
      ]}
    />
  );
}

type ActivateDialogProps = { campaign: Campaign; busy: boolean; onConfirm: () => void; onCancel: () => void };

/** The group Activate would make, asked of the service when the dialog opens; Activate is offered once it has come and has members. */
function ActivateDialog({ campaign, busy, onConfirm, onCancel }: ActivateDialogProps) {
  const card = useCardStyles();
  const t = useCampaignsT();
  const { api } = useConsole();
  const preview = useQuery(targetGroupPreviewQuery(api, campaign.no));
  const members = preview.data?.members ?? [];
  return (
    <ConfirmDialog title={t('activation.previewTitle', { no: campaign.no })} confirmLabel={t('activation.activate')} canConfirm={preview.isSuccess && members.length > 0} busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      {preview.isPending ? <Spinner size="tiny" labelPosition="after" label={t('activation.previewLoading')} /> : null}
      {preview.isError ? <QueryError title={t('activation.previewFailed')} error={preview.error} onRetry={() => void preview.refetch()} /> : null}
      {preview.isSuccess ? (
        <>
          <Text block className={card.muted}>
            {members.length === 0 ? t('activation.previewNone') : t(campaign.activated ? 'activation.previewReplaces' : 'activation.previewText', { count: members.length })}
          </Text>
          {members.length > 0 ? <MembersTable label={t('activation.previewTable')} members={members} /> : null}
          {preview.data.warnings.length > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('activation.warnings')}</MessageBarTitle>
                {preview.data.warnings.join(' ')}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </>
      ) : null}
      {busy ? <Spinner size="tiny" labelPosition="after" label={t('activation.activating')} /> : null}
    </ConfirmDialog>
  );
}
