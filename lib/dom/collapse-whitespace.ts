/**
 * Text read from markup carries the page's indentation and line breaks; what agents see (and what
 * adapters compare and store) is the text with each run of white space shown as one space.
 */

/**
 * `text` with each run of white space replaced by one space, and none at either end.
 *
 * @example
 * collapseWhitespace('\n  Ana   Lima\n') // => 'Ana Lima'
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
