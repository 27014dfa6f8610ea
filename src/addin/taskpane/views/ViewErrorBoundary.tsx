import { Button, Text } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import type { I18n } from '../../i18n/I18nProvider';

/** `resetKey`: a new value (another item selected) renders the view afresh after a failure. */
type Props = { i18n: I18n; resetKey: number; children: ReactNode };
type State = { failed: boolean };

/**
 * Keeps a failure to render the item's view inside it: the header and the sync footer stay, the
 * error is logged, and "Try again" or another item renders the view afresh (React has no hook
 * for this yet).
 */
export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Rapport: the view of this item failed', error);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { t } = this.props.i18n;
    return (
      <div role="alert">
        <Text as="p">{t('shell.viewFailed')}</Text>
        <Button size="small" onClick={() => this.setState({ failed: false })}>
          {t('shell.retry')}
        </Button>
      </div>
    );
  }
}
