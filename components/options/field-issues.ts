import { createContext } from 'react';
import type { SchemaIssue } from '../../lib/schema-error.ts';

/**
 * Validation issues of a form that is not the configuration draft (the agent's own preferences).
 * Fields inside a provider show theirs from here, so shared editors (weekly hours, time zone) name
 * their problems in place without knowing which form they belong to; elsewhere fields read the
 * options store.
 */
export const FieldIssuesContext = createContext<readonly SchemaIssue[] | undefined>(undefined);
