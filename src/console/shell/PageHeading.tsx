import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';

const useStyles = makeStyles({
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

export type PageHeadingProps = { title: string; intro?: string };

/** A page's one h1, and the document title that names it (screen readers announce it on navigation). */
export function PageHeading({ title, intro }: PageHeadingProps) {
  const styles = useStyles();
  useEffect(() => {
    document.title = `${title} – Rapport`;
  }, [title]);
  return (
    <div className={styles.block}>
      <Title2 as="h1" className={styles.heading}>
        {title}
      </Title2>
      {intro === undefined ? null : (
        <Body1 as="p" className={styles.intro}>
          {intro}
        </Body1>
      )}
    </div>
  );
}
