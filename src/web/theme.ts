// Mantine theme: Be Vietnam Pro (drawn for Vietnamese diacritics), and colours dark enough for WCAG AA contrast.
import { Anchor, createTheme, type CSSVariablesResolver } from '@mantine/core';

const FONT = '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const theme = createTheme({
  fontFamily: FONT,
  headings: {
    fontFamily: FONT,
    fontWeight: '700',
    // Long Vietnamese procedure names: a smaller title on a phone, the usual one on a desk.
    sizes: { h1: { fontSize: 'clamp(1.625rem, 1.25rem + 1.6vw, 2.125rem)', lineHeight: '1.25' } },
  },
  primaryColor: 'blue',
  // Shade 8 on white is 4.9:1; the default shade 6 (3.5:1) fails WCAG AA for text and button labels.
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Links stay readable on the tinted backgrounds of alerts and cards too (blue 9: 4.9:1 on blue 0).
    Anchor: Anchor.extend({ defaultProps: { c: 'blue.9' } }),
  },
});

// Mantine's "dimmed" grey is 3.3:1 on white and its error red 3.3:1: darker shades keep secondary text and field
// errors readable (WCAG AA).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
