import { Button, type ButtonProps } from '@fluentui/react-components';
import { createLink } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, type ComponentType, forwardRef, type Ref } from 'react';

type AnchorButtonProps = Pick<ButtonProps, 'appearance' | 'icon' | 'size'> & AnchorHTMLAttributes<HTMLAnchorElement>;

// Fluent types Button as a union of its button and anchor forms; the anchor form is the one rendered here.
const FluentAnchor = Button as unknown as ComponentType<AnchorButtonProps & { as: 'a'; ref: Ref<HTMLAnchorElement> }>;

const AnchorButton = forwardRef<HTMLAnchorElement, AnchorButtonProps>(function AnchorButton(props, ref) {
  return <FluentAnchor {...props} as="a" ref={ref} />;
});

/** A link to a console page that looks like a Fluent button ("New contact"): it navigates, so it is a link. */
export const ButtonLink = createLink(AnchorButton);
