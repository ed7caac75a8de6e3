/**
 * What pupil-contact shows in the page, inside a closed shadow root: a badge on a request (or chat,
 * or profile) from someone on the rosters, a quiet banner on a pupil's profile page, and the prompt
 * that holds Confirm / Add friend / Follow / Message until the person chooses.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ContactMatch } from '../lib/engine/contact';
import type { ContactAction } from '../lib/sites/types';

export function ContactBadge({ match }: { match: ContactMatch }) {
  return (
    <span class={`contact-badge ${match.severity}`} role="img" aria-label={`Second Look: ${match.label}`}>
      <span aria-hidden="true">⚠ </span>
      {match.label}
    </span>
  );
}

function Clause({ clause }: { clause: ContactMatch['clause'] }) {
  return (
    <p class="clause">
      {clause.bySchool ? 'Your school’s policy: ' : 'Policy: '}
      {clause.text}{' '}
      {clause.url && (
        <a href={clause.url} target="_blank" rel="noreferrer noopener">
          Read the policy
        </a>
      )}
    </p>
  );
}

const WHOSE: Record<ContactMatch['group'], string> = {
  pupil: 'a pupil at your school',
  formerPupil: 'a former pupil of your school',
  parent: 'a parent or carer at your school',
};

/**
 * On a pupil's profile: one line beside their name, so it covers nothing the person needs; "Why?"
 * opens the policy and the advice.
 */
export function ProfileBanner({ match, onDismiss }: { match: ContactMatch; onDismiss(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <section class={`card banner ${match.severity}`} role="status" aria-label="Second Look">
      <p class="line">
        <span class="badge">{match.label}</span> This profile looks like that of {WHOSE[match.group]}.{' '}
        <button type="button" class="inline-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          Why?
        </button>
        <button type="button" class="close" onClick={onDismiss} aria-label="Hide this note">
          ×
        </button>
      </p>
      {open && (
        <div>
          <Clause clause={match.clause} />
          <p class="advice">
            Looking at a pupil’s page is best kept to what your safeguarding role needs. Do not follow, add or message them from a personal account.
          </p>
        </div>
      )}
    </section>
  );
}

const ANYWAY: Record<ContactAction, string> = {
  accept: 'Accept anyway',
  'add-friend': 'Add friend anyway',
  follow: 'Follow anyway',
  message: 'Message anyway',
  'open-chat': 'Open the chat anyway',
};

const ABOUT_TO: Record<ContactAction, string> = {
  accept: 'You are about to accept a request from someone who',
  'add-friend': 'You are about to send a friend request to someone who',
  follow: 'You are about to follow someone who',
  message: 'You are about to message someone who',
  'open-chat': 'You are about to open a chat with someone who',
};

/** What to do instead, for what the person was about to do (a follow from a profile is not a request). */
const ADVICE: Record<ContactAction, string> = {
  accept: 'Leave the request unanswered or decline it. Tell your designated safeguarding lead if a pupil keeps trying to get in touch.',
  'add-friend': 'Do not send friend requests to pupils from a personal account.',
  follow: 'Do not follow pupils from a personal account.',
  message: 'Do not message pupils from a personal account. Use the school’s own ways of contacting pupils and families.',
  'open-chat': 'Keep chats with pupils off personal accounts. Tell your designated safeguarding lead about any message a pupil has sent you.',
};

export interface ContactPromptProps {
  match: ContactMatch;
  does: ContactAction;
  onCancel(): void;
  onProceed(): void;
  onNotAPupil(): void;
}

export function ContactPrompt({ match, does, onCancel, onProceed, onNotAPupil }: ContactPromptProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe choice has focus, so a stray Enter or Space does not go ahead.
  useLayoutEffect(() => cancelRef.current?.focus(), []);
  return (
    <section class={`card ${match.severity}`} role="alertdialog" aria-label="Second Look" aria-describedby="sl-contact-message">
      <div class="head">
        <span class="badge">{match.label}</span>
        <span class="title">Second Look</span>
      </div>
      <p class="hold" id="sl-contact-message">
        {ABOUT_TO[does]} looks like {WHOSE[match.group]}. {match.message}
      </p>
      <Clause clause={match.clause} />
      <p class="advice">{match.group === 'pupil' ? ADVICE[does] : match.advice}</p>
      <button type="button" class="link" onClick={onNotAPupil}>
        This isn’t a pupil
      </button>
      <div class="actions">
        <button type="button" class="primary" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" onClick={onProceed}>
          {ANYWAY[does]}
        </button>
      </div>
    </section>
  );
}
