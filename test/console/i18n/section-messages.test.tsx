/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { createI18n, I18nProvider } from '../../../src/console/i18n/I18nProvider';
import { enUS } from '../../../src/console/i18n/en-US';
import { createSectionMessages } from '../../../src/console/i18n/section-messages';

const english = { 'greeting.hello': 'Hello, {name}', 'greeting.bye': 'Goodbye' } as const;
const swedish = { 'greeting.hello': 'Hej, {name}', 'greeting.bye': 'Hej då' };

function page(section: ReturnType<typeof createSectionMessages<typeof english>>, locale: 'sv-SE' | 'en-US') {
  function Greeting() {
    const t = section.useMessages();
    return <p>{`${t('greeting.hello', { name: 'Astrid' })} / ${t('greeting.bye')}`}</p>;
  }
  return (
    <I18nProvider value={createI18n(locale, enUS)}>
      <Suspense fallback={<p>loading</p>}>
        <section.Messages>
          <Greeting />
        </section.Messages>
      </Suspense>
    </I18nProvider>
  );
}

/** Renders as React wants a tree that suspends to be rendered in a test: in an awaited act. */
async function shown(tree: ReturnType<typeof page>) {
  let rendered: ReturnType<typeof render> | undefined;
  await act(async () => {
    rendered = render(tree);
  });
  return rendered as ReturnType<typeof render>;
}

test('a section’s page waits for its language, fetched once for all its pages', async () => {
  const asked: string[] = [];
  const section = createSectionMessages('the greetings', english, async (file) => {
    asked.push(file);
    return { svSE: swedish };
  });
  const first = await shown(page(section, 'sv-SE'));
  expect(await screen.findByText('Hej, Astrid / Hej då')).toBeTruthy();
  first.unmount();
  await shown(page(section, 'sv-SE'));
  expect(await screen.findByText('Hej, Astrid / Hej då')).toBeTruthy();
  expect(asked).toEqual(['sv-SE']);
});

test('English needs no fetch, and a language that does not arrive shows English', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const section = createSectionMessages('the greetings', english, async () => {
    throw new Error('ChunkLoadError');
  });
  const inEnglish = await shown(page(section, 'en-US'));
  expect(await screen.findByText('Hello, Astrid / Goodbye')).toBeTruthy();
  expect(errors).not.toHaveBeenCalled();
  inEnglish.unmount();
  await shown(page(section, 'sv-SE'));
  expect(await screen.findByText('Hello, Astrid / Goodbye')).toBeTruthy();
  expect(errors).toHaveBeenCalledWith('Rapport: the sv-SE texts of the greetings did not load; showing English', expect.any(Error));
  errors.mockRestore();
});

test('its t is used only inside its Messages', () => {
  const section = createSectionMessages('the greetings', english, async () => ({}));
  function Outside() {
    section.useMessages();
    return null;
  }
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(() => render(<Outside />)).toThrow('The messages of the greetings are used outside its Messages.');
});
