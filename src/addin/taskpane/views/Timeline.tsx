import { Badge, Button, Caption1, Text } from '@fluentui/react-components';
import type { ShownInteraction } from '../../cache/repositories';
import { useI18n } from '../../i18n/I18nProvider';
import { useServices, useStore } from '../hooks/useServices';
import { useSectionStyles } from '../styles';

export type TimelineProps = { interactions: readonly ShownInteraction[] };

/** The contact's recent interactions, newest first (as the card orders them); a wrong one can be canceled. */
export function Timeline({ interactions }: TimelineProps) {
  const { t, format } = useI18n();
  const section = useSectionStyles();
  const { engine, now } = useServices();
  const store = useStore();
  if (interactions.length === 0) return <Text className={section.muted}>{t('timeline.none')}</Text>;

  async function cancel(interaction: ShownInteraction) {
    await store.enqueue('cancelInteraction', { id: interaction.id, canceled: true });
    engine.notifyWrite();
  }

  return (
    <ol className={section.list}>
      {interactions.map((interaction) => {
        const description = interaction.description || interaction.subject;
        return (
          <li key={`${interaction.entryNo}-${interaction.id}-${interaction.contactNo}`} className={section.row}>
            <div className={section.section}>
              <Text weight="semibold" strikethrough={interaction.canceled}>
                {description}
              </Text>
              <Caption1>
                {[
                  format.moment(`${interaction.date}T${interaction.timeOfInteraction}`, now()),
                  interaction.informationFlow === 'inbound' ? t('timeline.inbound') : interaction.informationFlow === 'outbound' ? t('timeline.outbound') : '',
                ]
                  .filter((part) => part !== '')
                  .join(' · ')}
              </Caption1>
            </div>
            {interaction.canceled && <Badge appearance="outline">{t('timeline.canceled')}</Badge>}
            {interaction.pending && (
              <Badge appearance="outline" color="warning">
                {t('common.pending')}
              </Badge>
            )}
            {!interaction.canceled && interaction.id !== '' && (
              <Button size="small" appearance="subtle" onClick={() => void cancel(interaction)} aria-label={t('timeline.cancelNamed', { description })}>
                {t('timeline.cancel')}
              </Button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
