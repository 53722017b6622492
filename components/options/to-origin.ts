/**
 * The origin of what the user typed or pasted: an address with or without its scheme, or a whole
 * page URL; undefined when it is no URL.
 *
 * @example
 * toOrigin('support.example.com/agent/') // => 'https://support.example.com'
 */
export function toOrigin(text: string): string | undefined {
  const trimmed = text.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).origin;
  } catch {
    return undefined;
  }
}
