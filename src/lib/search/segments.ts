/**
 * Marked text as data: runs of plain and matched words, rendered by the client as text nodes and
 * `<mark>` elements, never parsed as HTML (the words are untrusted article text).
 */
export interface Segment {
  text: string;
  mark: boolean;
}

export function push(segments: Segment[], text: string, mark: boolean): void {
  if (text === '') return;
  const prev = segments.at(-1);
  if (prev && prev.mark === mark) prev.text += text;
  else segments.push({ text, mark });
}

export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('');
}
