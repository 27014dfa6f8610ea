// The contact summary, failing while `failing.broken` says so: a render error inside the item's
// view. A module of its own, imported before the harness: this test runner does not hoist
// jest.mock above the imports.
import { createElement } from 'react';

export const failing = { broken: true };

jest.mock('../../../src/addin/taskpane/views/ContactSummary', () => ({
  ContactSummary: ({ contact }: { contact: { name: string } }) => {
    if (failing.broken) throw new Error('The summary broke.');
    return createElement('h2', null, contact.name);
  },
}));
