import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Wired up in later steps: messaging, ticket registry, alarms.
});
