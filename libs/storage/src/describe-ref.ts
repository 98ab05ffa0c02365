const MAX_SHOWN = 120;

/**
 * A ref as it may appear in an error: data: URLs lose their payload (it can be megabytes,
 * and it is user content), http(s) URLs lose query and fragment (presigned URLs carry
 * credentials there), and anything long is truncated.
 */
export function describeRef(ref: string): string {
  if (/^data:/i.test(ref)) {
    const comma = ref.indexOf(',');
    const header = comma < 0 ? ref.slice(0, 40) : ref.slice(0, comma);
    return truncate(`${header},… (${ref.length} chars)`);
  }
  if (/^https?:/i.test(ref)) {
    const cut = ref.search(/[?#]/);
    if (cut >= 0) return truncate(`${ref.slice(0, cut)}?…`);
  }
  return truncate(ref);
}

function truncate(text: string): string {
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN - 1)}…`;
}
