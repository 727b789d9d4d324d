// The first thing a keyboard user reaches: jumps over the header to the page's main content.
export function SkipLink({ target, children }: { target: string; children: string }) {
  return (
    <a className="skip-link" href={`#${target}`}>
      {children}
    </a>
  );
}
