import { bodyToSend, localProblems, problemsByField } from '../../../src/console/pages/new-contact/contact-form';

test('only the filled-in fields of the chosen type are sent, trimmed', () => {
  const values = { name: 'Nordlys AB', firstName: 'Ingrid', surname: ' Solberg ', city: '  ', email: 'ingrid@nordlys.example', homePage: 'nordlys.example' };
  expect(bodyToSend('company', values)).toEqual({ type: 'company', name: 'Nordlys AB', email: 'ingrid@nordlys.example', homePage: 'nordlys.example' });
  // A person has no Name field of its own on the form (its parts build it) and no home page.
  expect(bodyToSend('person', values)).toEqual({ type: 'person', firstName: 'Ingrid', surname: 'Solberg', email: 'ingrid@nordlys.example' });
});

test.each([
  ['company', {}, { name: 'nameNeeded' }],
  ['company', { name: ' ' }, { name: 'nameNeeded' }],
  ['company', { name: 'Nordlys AB' }, {}],
  ['person', { middleName: 'Maria' }, { surname: 'personNameNeeded' }],
  ['person', { firstName: 'Ingrid' }, {}],
  ['person', { surname: 'Solberg' }, {}],
] as const)('a %s with %j needs %j', (type, values, problems) => {
  expect(localProblems(type, values)).toEqual(problems);
});

test('the service’s problems go to the form’s fields; a person’s Name to the surname; others are left for the message', () => {
  const problems = [
    { path: 'email', message: 'Not a valid e-mail address.' },
    { path: 'name', message: 'Name is too long.' },
    { path: 'email', message: 'A second message for the same field.' },
    { path: 'salutationCode', message: 'There is no salutation X.' },
  ];
  expect(problemsByField('company', problems)).toEqual({ email: 'Not a valid e-mail address.', name: 'Name is too long.' });
  expect(problemsByField('person', problems)).toEqual({ email: 'Not a valid e-mail address.', surname: 'Name is too long.' });
});
