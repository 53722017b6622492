/**
 * The clocks a plan can set targets for. Their own module because evaluations (which the content
 * script receives) name them without needing the configuration schema.
 */
export const METRICS = ['first_response', 'next_response', 'periodic_update', 'average_response', 'resolution'] as const;
export type Metric = (typeof METRICS)[number];
