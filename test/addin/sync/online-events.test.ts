import { browserOnlineEvents } from '../../../src/addin/sync/online-events';

/** A window stand-in: an event target with a navigator whose onLine the test sets. */
function fakeWindow(onLine: boolean): EventTarget & { navigator: { onLine: boolean } } {
  return Object.assign(new EventTarget(), { navigator: { onLine } });
}

describe('browserOnlineEvents', () => {
  test.each([
    ['online when the navigator says so', true],
    ['offline when the navigator says so', false],
  ])('reports the device %s', (_case, onLine) => {
    expect(browserOnlineEvents(fakeWindow(onLine)).isOnline()).toBe(onLine);
  });

  test('passes the window’s online and offline events on until unsubscribed', () => {
    const target = fakeWindow(true);
    const heard: boolean[] = [];
    const unsubscribe = browserOnlineEvents(target).subscribe((online) => heard.push(online));

    target.dispatchEvent(new Event('offline'));
    target.dispatchEvent(new Event('online'));
    unsubscribe();
    target.dispatchEvent(new Event('offline'));

    expect(heard).toEqual([false, true]);
  });
});
