/** Problems with the policy in force, in plain words with their JSON paths (popup and options page). */
import { describeIssues } from '../../lib/settings/issue-words';
import type { PolicyState } from '../../lib/policy/storage-keys';

export function PolicyIssues({ state }: { state: Pick<PolicyState, 'issues' | 'source'> }) {
  const groups = describeIssues(state);
  if (!groups.length) return null;
  return (
    <>
      {groups.map((g) => {
        const hasErrors = g.items.some((i) => i.level === 'error');
        return (
          <section class={`issues${hasErrors ? '' : ' warning'}`} aria-labelledby={`issues-${g.source}`} key={g.source}>
            <h3 id={`issues-${g.source}`}>{g.heading}</h3>
            {g.consequence && <p>{g.consequence}</p>}
            <ul>
              {g.items.map((i) => (
                <li key={`${i.path}|${i.message}`}>
                  {i.level === 'warning' ? 'Ignored: ' : ''}
                  <code>{i.path}</code> ({i.where}): {i.message}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
