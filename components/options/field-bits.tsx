/** Small pieces every options field uses: the "Set by your school" mark and errors tied to a field. */
import type { FieldId, FieldProblem } from '../../lib/settings/form-state';

export function LockedMark({ locked }: { locked: boolean }) {
  return locked ? <span class="badge locked">Set by your school</span> : null;
}

export function errorsId(field: FieldId): string {
  return `${field}-errors`;
}

/** Ids for aria-describedby: the hint (if any) and, when there are problems, the error list. */
export function describedBy(field: FieldId, problems: FieldProblem[], hintId?: string): string | undefined {
  const ids = [hintId, problems.some((p) => p.field === field) ? errorsId(field) : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldErrors({ field, problems }: { field: FieldId; problems: FieldProblem[] }) {
  const mine = problems.filter((p) => p.field === field);
  if (!mine.length) return null;
  return (
    <ul class="field-errors" id={errorsId(field)}>
      {mine.map((p) => (
        <li key={p.message}>
          {p.message}
          {p.path ? (
            <>
              {' '}
              (<code>{p.path}</code>)
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
