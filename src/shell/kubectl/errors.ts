// How kubectl prints errors (kubectl pkg/cmd/util/helpers.go checkErr, and cli-runtime's
// AddSourceToErr): Invalid as `The <Kind> "<name>" is invalid: ...` with one cause inline or a
// bullet list, other API errors as `Error from server (<Reason>): ...`, the rest as `error: ...`.
import { fieldErrorText, type ApiError } from '../../sim/api-server/errors.js';

/** The text of an API error as kubectl prints it (without a trailing newline). */
export function apiErrorText(err: ApiError, source?: { file: string; action: 'creating' | 'deleting' | 'updating' | 'patching' | 'retrieving current configuration of' }): string {
  const causes = err.details?.causes ?? [];
  if (err.reason === 'Invalid' && causes.length > 0 && err.details?.kind !== undefined) {
    const texts = [...new Set(causes.map(fieldErrorText))];
    const prefix = `The ${err.details.kind} "${err.details.name ?? ''}" is invalid: `;
    return texts.length === 1 ? `${prefix}${texts[0]}` : `${prefix}\n${texts.map((t) => `* ${t}`).join('\n')}`;
  }
  const message = source ? `error when ${source.action} "${source.file}": ${err.message}` : err.message;
  return `Error from server (${err.reason}): ${message}`;
}

/** A client-side error as kubectl prints it: `error: <text>` unless the text already starts so. */
export function clientErrorText(text: string): string {
  return text.startsWith('error: ') ? text : `error: ${text}`;
}
