/**
 * jsdom lays nothing out: every element is 0 pixels high, so a virtualised table would think its
 * view holds no rows. This gives the tables' scrolled regions the height a browser would, 600
 * pixels, for the tests of one file (call in `beforeEach`).
 */
export function givenLayout(height = 600): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute('data-virtual-scroller') ? height : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute('data-virtual-scroller') ? 1200 : 0;
    },
  });
}
