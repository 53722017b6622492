// luxon-business-days patches Luxon's DateTime prototype and ships no types; these are the two methods the benchmark calls.
import 'luxon';

declare module 'luxon' {
  interface DateTime {
    setupBusiness(options: { businessDays?: number[]; holidayMatchers?: ((dt: DateTime) => boolean)[] }): void;
    plusBusiness(duration: { days: number }): DateTime;
  }
}

declare module 'moment-business-time' {}
