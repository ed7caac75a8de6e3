/**
 * "Review my profile", inside a closed shadow root on the person's own profile page: a quiet button,
 * and the panel it opens: how many of the posts checked so far may break the policy, then each
 * flagged field and post with its rules, its words marked, "Show" (on the page) and the site's own
 * link to edit or delete it. Escape or Close closes it, and closing forgets it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../lib/engine/check';
import { fieldsSummary, postsSummary, RULE_TITLES, type ReviewCounts, type ReviewEntry } from '../lib/review/review-entries';

export interface ReviewPanelProps {
  open: boolean;
  counts: ReviewCounts;
  flagged: ReviewEntry[];
  /** Checks are still on their way. */
  checking: boolean;
  shown?: string;
  /** The site's edit-profile page, when its control is a link. */
  editLink?: string;
  onOpen(): void;
  onClose(): void;
  onShow(key: string): void;
  isOnPage(key: string): boolean;
}

function Marked({ text, findings }: { text: string; findings: Finding[] }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.end <= at) continue;
    const start = Math.max(at, f.start);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark class={f.severity}>{text.slice(start, f.end)}</mark>);
    at = f.end;
  }
  parts.push(text.slice(at));
  return <p class="review-text">{parts}</p>;
}

function dateWords(iso?: string): string {
  return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}

export function ReviewPanel(props: ReviewPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (props.open && !wasOpen.current) heading.current?.focus();
    if (!props.open && wasOpen.current) opener.current?.focus();
    wasOpen.current = props.open;
  }, [props.open]);

  if (!props.open) {
    return (
      <button ref={opener} type="button" class="review-entry" onClick={props.onOpen}>
        <span aria-hidden="true">◎ </span>Review my profile<span class="visually-hidden"> with Second Look</span>
      </button>
    );
  }
  return (
    <section
      class="review-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="review-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div class="review-head">
        <h2 id="review-heading" ref={heading} tabIndex={-1}>
          Review my profile
        </h2>
        <button type="button" class="close" aria-label="Close the review" onClick={props.onClose}>
          ×
        </button>
      </div>
      <div role="status" aria-live="polite">
        <p class="review-summary">{postsSummary(props.counts)}</p>
        <p class="review-summary">{fieldsSummary(props.counts)}</p>
        {props.checking && <p class="muted">Checking…</p>}
      </div>
      <p class="muted">Scroll down your profile to load older posts: they are checked as they appear. Nothing is kept when you close this.</p>
      <ol class="review-list">
        {props.flagged.map((e) => (
          <li key={e.key} class={`review-item${props.shown === e.key ? ' shown' : ''}`}>
            <p class="review-meta">
              <strong>{e.kind === 'field' ? `Profile: ${e.label}` : 'Post'}</strong>
              {e.date && <span> · {dateWords(e.date)}</span>}
              {e.isPublic && <span class="public"> · This post is public</span>}
            </p>
            <Marked text={e.text} findings={e.findings} />
            <ul class="review-findings">
              {e.findings.map((f, i) => (
                <li key={i}>
                  <span class={`badge ${f.severity}`}>{RULE_TITLES[f.rule]}</span> {f.message}
                </li>
              ))}
            </ul>
            <p class="review-actions">
              <button type="button" onClick={() => props.onShow(e.key)} disabled={!props.isOnPage(e.key)}>
                Show<span class="visually-hidden"> it on the page</span>
              </button>
              {e.kind === 'post' && e.link && (
                <a href={e.link} target="_blank" rel="noopener noreferrer">
                  Open the post to edit or delete it
                </a>
              )}
              {e.kind === 'field' && props.editLink && <a href={props.editLink}>Edit your profile</a>}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
