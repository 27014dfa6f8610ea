import { SETUP_LISTS } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import { codeAndDescription } from '../shared/simple-tables';

const spec = codeAndDescription({
  title: 'nav.interactionGroups',
  intro: 'setup.interactionGroups.intro',
  newRecord: 'setup.interactionGroups.new',
  list: SETUP_LISTS.interactionGroups,
  base: '/setup/interaction-groups',
});

/** Interaction groups (§5.1): what interaction templates are filed under. */
export function InteractionGroupsPage() {
  return <SetupTable spec={spec} />;
}
