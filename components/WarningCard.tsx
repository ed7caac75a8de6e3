/**
 * The inline warning: severity, a one-line reason, the policy clause, what to do instead, and the
 * actions (dismiss, the false-match answers, and in confirm mode Edit / Post anyway). It lives in a
 * closed shadow root outside the editor; nothing in it is written into attributes the page can read.
 *
 * Keyboard: the shortcut from the editor lands on the first finding's message; Tab and Shift+Tab
 * cycle inside the card; Escape goes back to the editor (lib/runtime/overlay.ts).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnswerScope } from '../lib/background/answer-scope';
import type { AnswerOffer } from '../lib/messages';
import type { RuleId, Severity, Surface } from '../lib/policy/rule-ids';
import {
  anywayWords,
  answerWords,
  holdWords,
  OFFICIAL_PUPIL_ADVICE,
  POST_BY_POST_ONLY,
  SEVERITY_WORD,
  SHORTCUT_WORDS,
} from './card-words';

export interface CardFinding {
  key: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  clause: { text: string; bySchool: boolean; url?: string };
  advice: string;
  /** The person's own words that were flagged (shown only inside the card). */
  evidence: string;
  /** The false-match answers this finding may have. */
  answers?: AnswerOffer;
  /** Its words are scrolled out of sight: the card offers "Show". */
  outOfView?: boolean;
  /** More plain lines under the message (a photo's other signs, how it was checked). */
  details?: string[];
  /** The "not a match" button's label for this finding, instead of the rule's; null for none. */
  notAMatchLabel?: string | null;
}

/** Findings of the same rule share one clause and one piece of advice. */
function groupByRule(findings: CardFinding[]): CardFinding[][] {
  const groups = new Map<string, CardFinding[]>();
  for (const f of findings) {
    const g = groups.get(f.rule);
    if (g) g.push(f);
    else groups.set(f.rule, [f]);
  }
  return [...groups.values()];
}

export interface WarningCardProps {
  findings: CardFinding[];
  surface: Surface;
  /** A submit is held (confirm mode, high severity): show the Edit / … anyway prompt. */
  holding: boolean;
  /** Signed in as one of the school's own accounts: the note to show (once), and pupil advice about consent. */
  official?: { note?: string };
  onDismiss(): void;
  onAnswer(finding: CardFinding, scope: AnswerScope): void;
  /** A finding with its own "not a match" button (a photo's "This isn't at school"). */
  onNotAMatch?(finding: CardFinding): void;
  onShow(finding: CardFinding): void;
  onEdit(): void;
  onPostAnyway(): void;
}

export interface CardLayout {
  /** Shrunk to a one-line summary because there was no room to show it all without covering something. */
  compact: boolean;
  onExpand(): void;
}

/** What is announced, and shown as a summary when there is more than one finding. */
export function headline(findings: Pick<CardFinding, 'message'>[]): string {
  if (findings.length <= 1) return findings[0]?.message ?? '';
  return `${findings.length} things your school’s policy asks you to check. First: ${findings[0].message}`;
}

const TABBABLE = 'button:not([disabled]), a[href]';

/** Tab and Shift+Tab go round the card's controls instead of leaving it. */
function cycleFocus(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const card = e.currentTarget as HTMLElement;
  const items = [...card.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.getClientRects().length > 0);
  if (!items.length) return;
  const active = (card.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
  const at = active ? items.indexOf(active) : -1;
  // From a message (not itself a stop), Tab goes to the first control and Shift+Tab to the last.
  const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1;
  e.preventDefault();
  items[next].focus();
}

function Answers({ f, onAnswer }: { f: CardFinding; onAnswer: WarningCardProps['onAnswer'] }) {
  const [more, setMore] = useState(false);
  const offer = f.answers;
  if (!offer) return null;
  const wider = offer.scopes.filter((s) => s !== 'post');
  const here = answerWords(f.rule, 'post', f.evidence, offer.cues);
  const id = `ans-${f.key.replace(/[^a-z0-9]/gi, '')}`;
  return (
    <div class="answers">
      <button type="button" class="link" aria-describedby={`${id}-post`} onClick={() => onAnswer(f, 'post')}>
        {here.label}
      </button>
      <span class="consequence" id={`${id}-post`}>
        {here.consequence}
      </span>
      {wider.length > 0 ? (
        <>
          <button type="button" class="link quiet" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? 'Fewer answers' : 'More answers'}
          </button>
          {more &&
            wider.map((scope) => {
              const w = answerWords(f.rule, scope, f.evidence, offer.cues);
              return (
                <div class="wider" key={scope}>
                  <button type="button" class="link" aria-describedby={`${id}-${scope}`} onClick={() => onAnswer(f, scope)}>
                    {w.label}
                  </button>
                  <span class="consequence" id={`${id}-${scope}`}>
                    {w.consequence}
                  </span>
                </div>
              );
            })}
        </>
      ) : (
        f.rule === 'pupil-mention' && <span class="consequence">{POST_BY_POST_ONLY}</span>
      )}
    </div>
  );
}

export function WarningCard(props: WarningCardProps & Partial<CardLayout>) {
  const { findings, surface, holding, official, onDismiss, onAnswer, onNotAMatch, onShow, onEdit, onPostAnyway, compact, onExpand } = props;
  const editRef = useRef<HTMLButtonElement>(null);
  // Synchronously, so a key pressed right after the prompt appears goes to Edit, not the editor.
  useLayoutEffect(() => {
    if (holding) editRef.current?.focus();
  }, [holding]);
  if (!findings.length) return null;
  const top = findings[0];
  const label = holding ? 'Second Look: before you send' : 'Second Look warning';

  if (compact && !holding) {
    return (
      <section class={`card warning compact ${top.severity}`} role="region" aria-label={label} onKeyDown={cycleFocus}>
        <span class="badge">{SEVERITY_WORD[top.severity]}</span>
        <span class="message first summary" tabIndex={-1}>
          {headline(findings)}
        </span>
        <button type="button" class="link" onClick={onExpand}>
          Details
        </button>
      </section>
    );
  }

  let firstMessage = true;
  return (
    <section class={`card warning ${top.severity}`} role={holding ? 'alertdialog' : 'region'} aria-label={label} onKeyDown={cycleFocus}>
      <div class="head">
        <span class="badge">{SEVERITY_WORD[top.severity]}</span>
        <span class="title">Second Look</span>
      </div>
      {official?.note && <p class="note">{official.note}</p>}
      {holding && <p class="hold">{holdWords(surface)}</p>}
      {findings.length > 1 && <p class="reason">{findings.length} things your school’s policy asks you to check</p>}
      <ul class="findings">
        {groupByRule(findings).map((group) => (
          <li key={group[0].key} class={group[0].severity}>
            {group.map((f) => {
              const first = firstMessage;
              firstMessage = false;
              return (
                <div class="finding" key={f.key} data-key={f.key}>
                  <p class={first ? 'message first' : 'message'} tabIndex={-1}>
                    {f.message}
                    {f.outOfView && (
                      <>
                        {' '}
                        <button type="button" class="link inline" aria-label={`Show ${f.evidence}`} onClick={() => onShow(f)}>
                          Show
                        </button>
                      </>
                    )}
                  </p>
                  {(f.details ?? []).map((line, i) => (
                    <p class="detail" key={`${f.key}|${i}`}>
                      {line}
                    </p>
                  ))}
                  {!holding && <Answers f={f} onAnswer={onAnswer} />}
                  {!holding && f.notAMatchLabel && (
                    <button type="button" class="link" onClick={() => onNotAMatch?.(f)}>
                      {group.length > 1 ? `${f.notAMatchLabel}: ${f.evidence}` : f.notAMatchLabel}
                    </button>
                  )}
                </div>
              );
            })}
            <p class="clause">
              {group[0].clause.bySchool ? 'Your school’s policy: ' : 'Policy: '}
              {group[0].clause.text}{' '}
              {group[0].clause.url && (
                <a href={group[0].clause.url} target="_blank" rel="noreferrer noopener">
                  Read the policy
                </a>
              )}
            </p>
            <p class="advice">{official && group[0].rule === 'pupil-mention' ? OFFICIAL_PUPIL_ADVICE : group[0].advice}</p>
          </li>
        ))}
      </ul>
      {holding && (
        <div class="actions">
          <button type="button" class="primary" ref={editRef} onClick={onEdit}>
            Edit
          </button>
          <button type="button" onClick={onPostAnyway}>
            {anywayWords(surface)}
          </button>
        </div>
      )}
      <p class="shortcut" aria-hidden="true">
        {SHORTCUT_WORDS} to read this · Esc to go back
      </p>
      {/* Last in the tab order, drawn at the top right: the shortcut reads the warning first. */}
      {!holding && (
        <button type="button" class="close" onClick={onDismiss} aria-label="Dismiss this warning for this text">
          ×
        </button>
      )}
    </section>
  );
}
