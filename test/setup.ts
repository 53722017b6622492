import { Settings } from 'luxon';

// Invalid DateTimes throw instead of propagating silently.
Settings.throwOnInvalid = true;
// A deliberately odd default zone (+05:45, no DST): any code that forgets to pass a zone shows it.
Settings.defaultZone = 'Asia/Kathmandu';
