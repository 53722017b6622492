import { z } from 'zod/mini';
import { HELPDESK_IDS } from '../ticket.ts';

/**
 * A self-hosted or generic helpdesk site of the configuration. Its own module because the content
 * script receives it (message `siteForPage`) without loading the rest of the configuration schema.
 */
export const siteSchema = z.strictObject({
  // Zod runs the refinement even after z.url() failed, so it must not throw on a non-URL.
  origin: z.url().check(
    z.refine((url) => URL.canParse(url) && new URL(url).origin === url, 'expected an origin like https://support.example.com (no path)'),
  ),
  helpdesk: z.enum(HELPDESK_IDS),
  name: z.optional(z.string().check(z.maxLength(200))),
  options: z.optional(z.record(z.string(), z.unknown())),
});
export type Site = z.infer<typeof siteSchema>;
