/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { salutationExample } from '../../../src/console/pages/setup/salutations/salutation-example';
import { renderConsole } from '../console-harness';
import { ADMIN, createFakeService } from '../fake-service';
import { withSetupTables } from './fake-setup-service';

const john = { firstName: 'John', middleName: '', surname: 'Smith', initials: 'JS', jobTitle: 'Purchasing Manager', companyName: 'Fabrikam Inc.' };

describe("a formula's example, by the service's own salutation rule", () => {
  test('"Dear Mr. %1 %2 %3," with First, Middle and Surname gives John Smith without a middle name "Dear Mr. John Smith,"', () => {
    expect(salutationExample({ salutationType: 'formal', salutation: 'Dear Mr. %1 %2 %3,', nameParts: ['firstName', 'middleName', 'surname', '', ''] }, john)).toEqual({ ok: true, text: 'Dear Mr. John Smith,' });
  });

  test('a missing surname takes its space along, and a formula without placeholders is as written', () => {
    expect(salutationExample({ salutationType: 'formal', salutation: 'Dear Mr. %1 %2 %3,', nameParts: ['firstName', 'middleName', 'surname', '', ''] }, { ...john, surname: '' })).toEqual({ ok: true, text: 'Dear Mr. John,' });
    expect(salutationExample({ salutationType: 'formal', salutation: 'Dear Sirs,', nameParts: ['', '', '', '', ''] }, john)).toEqual({ ok: true, text: 'Dear Sirs,' });
  });

  test('a blank salutation gives no example', () => {
    expect(salutationExample({ salutationType: 'informal', salutation: '  ', nameParts: ['firstName', '', '', '', ''] }, john)).toEqual({ ok: false });
  });
});

describe('the Salutations page', () => {
  async function openSalutation() {
    const user = userEvent.setup({ delay: null });
    const service = createFakeService();
    const setup = withSetupTables(service);
    await renderConsole({ signedInAs: ADMIN.email, path: '/console/setup/salutations', service });
    await user.click(await screen.findByRole('button', { name: 'M' }));
    const form = screen.getByRole('region', { name: 'M' });
    const formulas = within(form).getByRole('table', { name: 'Formulas' });
    const example = (index: number) => within(formulas).getAllByRole('row')[index + 1]?.querySelectorAll('td')[3]?.textContent;
    const input = (label: string) => within(form).getByLabelText(label) as HTMLInputElement;
    return { user, service, setup, form, example, input };
  }

  test('shows each formula with its salutation for the example contact, live as the formula and the contact are typed', async () => {
    const { user, example, input } = await openSalutation();
    expect([example(0), example(1)]).toEqual(['Dear Mr. John Smith,', 'Hi John,']);

    await user.clear(input('Salutation, formula 1'));
    await user.type(input('Salutation, formula 1'), 'Dear Mr. %3,');
    expect(example(0)).toBe('Dear Mr. Smith,');
    await user.selectOptions(input('Name 3 (%3), formula 1'), 'Job Title');
    expect(example(0)).toBe('Dear Mr. Purchasing Manager,');

    // The example contact is the user's to change; the examples follow it.
    await user.selectOptions(input('Name 3 (%3), formula 1'), 'Surname');
    await user.clear(input('Surname'));
    await user.type(input('Surname'), 'Lindqvist');
    expect(example(0)).toBe('Dear Mr. Lindqvist,');

    await user.clear(input('Salutation, formula 2'));
    expect(example(1)).toBe('Enter the salutation to see it');
  });

  test('saves the formulas with their name parts, each language and type once', async () => {
    const { user, service, setup, form, input } = await openSalutation();
    await user.click(within(form).getByRole('button', { name: 'Add formula' }));
    await user.type(input('Salutation, formula 3'), 'Hej %1,');
    await user.selectOptions(input('Type, formula 3'), 'Informal');
    await user.selectOptions(input('Name 1 (%1), formula 3'), 'First Name');
    // Blank language and informal once, ENU informal already there: pick ENU, and the console refuses it.
    await user.selectOptions(input('Language, formula 3'), 'ENU – English (United States)');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getAllByText('Another formula has this language and type.')).toHaveLength(2);
    expect(service.apiRequests().filter((request) => request.method === 'PUT')).toEqual([]);

    await user.selectOptions(input('Language, formula 3'), 'SVE – Swedish');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Saved.')).toBeTruthy();
    expect(service.apiRequests().find((request) => request.method === 'PUT')?.body).toEqual({
      description: 'Male Married or Unmarried',
      formulas: [
        { languageCode: 'ENU', salutationType: 'formal', salutation: 'Dear Mr. %1 %2 %3,', nameParts: ['firstName', 'middleName', 'surname', '', ''] },
        { languageCode: 'ENU', salutationType: 'informal', salutation: 'Hi %1,', nameParts: ['firstName', '', '', '', ''] },
        { languageCode: 'SVE', salutationType: 'informal', salutation: 'Hej %1,', nameParts: ['firstName', '', '', '', ''] },
      ],
    });
    expect(setup.state.salutations[0]?.formulas).toHaveLength(3);
    expect(service.malformed).toEqual([]);
  });
});
