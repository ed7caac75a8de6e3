/** A post's text with the words that break the policy marked (<mark>, named for screen readers). */
import type { ArchiveFinding } from '../../lib/archive/check-archive';

export function HighlightedText({ text, findings }: { text: string; findings: readonly ArchiveFinding[] }) {
  const ranges = [...findings].sort((a, b) => a.start - b.start);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const f of ranges) {
    if (f.end <= at) continue;
    const start = Math.max(f.start, at);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, f.end)}</mark>);
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p class="post-text">{parts}</p>;
}
