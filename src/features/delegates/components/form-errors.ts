import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { SummaryError } from '@/components/ui/error-summary';
import { isProblem } from '@/lib/api-client';

/** Error-summary entries in field order, each linking to the control that needs changing. */
export function summaryErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  fieldIds: Partial<Record<Path<T>, string>>,
  translate: (key: string) => string,
): SummaryError[] {
  return (Object.keys(fieldIds) as Path<T>[]).flatMap((field) => {
    const message = (errors as Record<string, { message?: string } | undefined>)[field]?.message;
    return message ? [{ fieldId: fieldIds[field]!, message: translate(message) }] : [];
  });
}

/**
 * Puts the API's 422 field errors on the form's fields and returns them for the error
 * summary; empty for any other failure.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fieldIds: Partial<Record<Path<T>, string>>,
  setError: UseFormSetError<T>,
  translate: (key: string) => string,
): SummaryError[] {
  if (!isProblem(error, 422)) return [];
  return (error.problem.errors ?? []).flatMap(({ field, detail, reason }) => {
    const name = (Object.keys(fieldIds) as Path<T>[]).find((f) => f === field || field.startsWith(`${f}.`));
    if (!name) return [];
    // The API's `reason` is a catalogue key, so the reader gets their own language.
    const key = reason ?? detail;
    setError(name, { type: 'server', message: key });
    return [{ fieldId: fieldIds[name]!, message: translate(key) }];
  });
}
