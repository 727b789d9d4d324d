// A definition list of label → value rows that stacks on narrow screens.
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface InfoRow {
  label: string;
  value: ReactNode;
  /** Language of the value when it differs from the page's (catalogue data is Vietnamese). */
  lang?: string | undefined;
}

export function InfoList({ rows }: { rows: InfoRow[] }) {
  return (
    <dl className="info-list">
      {rows.map((row) => (
        <div key={row.label} className="info-row">
          <Text component="dt" fw={600} size="sm">
            {row.label}
          </Text>
          <Text component="dd" size="sm" lang={row.lang} className="source-text">
            {row.value}
          </Text>
        </div>
      ))}
    </dl>
  );
}
