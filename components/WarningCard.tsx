/**
 * The inline warning: severity, a one-line reason, the policy clause, what to do instead, and the
 * actions (dismiss, "not a pupil / not our school", and in confirm mode Edit / Post anyway). It lives
 * in a closed shadow root outside the editor; nothing in it is written into attributes the page can read.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { RuleId, Severity } from '../lib/policy/rule-ids';

export interface CardFinding {
  key: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  clause: { text: string; bySchool: boolean; url?: string };
  advice: string;
  /** The person's own words that were flagged (shown only inside the card). */
  evidence: string;
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
  /** A submit is held (confirm mode, high severity): show the Edit / Post anyway prompt. */
  holding: boolean;
  onDismiss(): void;
  onNotAMatch(finding: CardFinding): void;
  onEdit(): void;
  onPostAnyway(): void;
}

const SEVERITY_WORD: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };
/** Rules where a false match is about who or what a name refers to. */
const NOT_A_MATCH_LABEL: Partial<Record<RuleId, string>> = {
  'pupil-mention': 'This isn’t a pupil',
  'colleague-mention': 'This isn’t a colleague',
  'school-mention': 'This isn’t our school',
};

/** What is announced, and shown as a summary when there is more than one finding. */
export function headline(findings: CardFinding[]): string {
  if (findings.length <= 1) return findings[0]?.message ?? '';
  return `${findings.length} things your school’s policy asks you to check. First: ${findings[0].message}`;
}

export function WarningCard({ findings, holding, onDismiss, onNotAMatch, onEdit, onPostAnyway }: WarningCardProps) {
  const editRef = useRef<HTMLButtonElement>(null);
  // Synchronously, so a key pressed right after the prompt appears goes to Edit, not the editor.
  useLayoutEffect(() => {
    if (holding) editRef.current?.focus();
  }, [holding]);
  if (!findings.length) return null;
  const top = findings[0];
  return (
    <section class={`card ${top.severity}`} role={holding ? 'alertdialog' : 'region'} aria-label="Second Look">
      <div class="head">
        <span class="badge">{SEVERITY_WORD[top.severity]}</span>
        <span class="title">Second Look</span>
        {!holding && (
          <button type="button" class="close" onClick={onDismiss} aria-label="Dismiss this warning for this text">
            ×
          </button>
        )}
      </div>
      {holding && <p class="hold">This has something your school’s policy asks you not to post. Edit it, or post anyway?</p>}
      {findings.length > 1 && (
        <p id="sl-headline" class="reason">
          {findings.length} things your school’s policy asks you to check
        </p>
      )}
      <ul class="findings">
        {groupByRule(findings).map((group) => (
          <li key={group[0].key} class={group[0].severity}>
            {group.map((f) => [
              <p class="message" key={f.key}>
                {f.message}
              </p>,
              ...(f.details ?? []).map((line, i) => (
                <p class="detail" key={`${f.key}|${i}`}>
                  {line}
                </p>
              )),
            ])}
            <p class="clause">
              {group[0].clause.bySchool ? 'Your school’s policy: ' : 'Policy: '}
              {group[0].clause.text}{' '}
              {group[0].clause.url && (
                <a href={group[0].clause.url} target="_blank" rel="noreferrer noopener">
                  Read the policy
                </a>
              )}
            </p>
            <p class="advice">{group[0].advice}</p>
            {!holding &&
              group.map((f) => {
                const label = f.notAMatchLabel === undefined ? NOT_A_MATCH_LABEL[f.rule] : f.notAMatchLabel;
                return (
                  label && (
                    <button type="button" class="link" key={`not-${f.key}`} onClick={() => onNotAMatch(f)}>
                      {group.length > 1 ? `${label}: ${f.evidence}` : label}
                    </button>
                  )
                );
              })}
          </li>
        ))}
      </ul>
      {holding && (
        <div class="actions">
          <button type="button" class="primary" ref={editRef} onClick={onEdit}>
            Edit
          </button>
          <button type="button" onClick={onPostAnyway}>
            Post anyway
          </button>
        </div>
      )}
    </section>
  );
}
