import { codeList } from '../shared/lists';
import { SetupTable } from '../shared/SetupTable';
import { codeAndDescription } from '../shared/simple-tables';

const spec = codeAndDescription({
  title: 'nav.businessRelations',
  intro: 'setup.businessRelations.intro',
  newRecord: 'setup.businessRelations.new',
  list: codeList('businessRelation'),
  base: '/setup/code-lists/businessRelation',
});

/** Business relation codes (§11): what a contact is to the company; Marketing Setup names the ones that mark customers, vendors, banks and employees. */
export function BusinessRelationsPage() {
  return <SetupTable spec={spec} />;
}
