/**
 * The demo helpdesk's people and tickets. Times are minutes before the moment the demo starts, so
 * every run shows the same situations: a countdown on track, one at risk, one overdue, a paused clock,
 * a clock waiting for the service window, met targets, a non-binding target, an estimate, a ticket the
 * plan does not cover and one from a sender without a plan.
 */

export type DemoRole = 'end-user' | 'agent';
export type DemoStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved';
export type DemoPriority = 'urgent' | 'high' | 'normal' | 'low';
export type DemoChannel = 'email' | 'web' | 'api';

export interface DemoUser {
  id: number;
  name: string;
  email: string;
  role: DemoRole;
  organizationId: number | null;
}

export interface DemoOrganization {
  id: number;
  name: string;
}

/** A public reply or internal note after the ticket's first message. */
export interface DemoMessage {
  minutesAgo: number;
  authorId: number;
  text: string;
  /** Internal notes are not responses. */
  internal?: boolean;
  /** The status the message leaves the ticket in (Zendesk sets it with the same audit). */
  status?: DemoStatus;
}

export interface DemoTicket {
  id: number;
  subject: string;
  requesterId: number;
  assigneeId: number | null;
  priority: DemoPriority | null;
  channel: DemoChannel;
  createdMinutesAgo: number;
  /** The customer's first message (the ticket description). */
  description: string;
  messages: DemoMessage[];
  /** Agent time recorded by the Time Tracking app, in minutes. */
  minutesSpent?: number;
  /** The helpdesk fails to return the second page of the history, so SLA Lens can only estimate. */
  historyCutShort?: boolean;
  /** What the demo shows with this ticket (for the README and the screenshots' captions). */
  shows: string;
}

export const DEMO_GROUP = { id: 360000000101, name: 'Support' } as const;
/** The demo's one view: every open ticket. */
export const DEMO_VIEW = { id: 360000000001, title: 'All open tickets' } as const;

export const demoOrganizations: readonly DemoOrganization[] = [
  { id: 360000100001, name: 'Globex Shipping' },
  { id: 360000100002, name: 'Octo Labs' },
  { id: 360000100003, name: 'Acme Robotics' },
  { id: 360000100004, name: 'Initech' },
];

const [globex, octo, acme, initech] = demoOrganizations.map((organization) => organization.id) as [number, number, number, number];

export const demoUsers: readonly DemoUser[] = [
  { id: 900000000001, name: 'Ava Agent', email: 'ava@support.sla-lens.example', role: 'agent', organizationId: null },
  { id: 900000000002, name: 'Noah Agent', email: 'noah@support.sla-lens.example', role: 'agent', organizationId: null },
  { id: 900000000101, name: 'Mei Tanaka', email: 'mei.tanaka@globex.example', role: 'end-user', organizationId: globex },
  { id: 900000000102, name: 'Liam Walker', email: 'liam.walker@globex.example', role: 'end-user', organizationId: globex },
  { id: 900000000103, name: 'Olivia Brown', email: 'olivia.brown@globex.example', role: 'end-user', organizationId: globex },
  { id: 900000000201, name: 'Sam Okafor', email: 'sam.okafor@octolabs.example', role: 'end-user', organizationId: octo },
  { id: 900000000202, name: 'Ines Duarte', email: 'ines.duarte@octolabs.example', role: 'end-user', organizationId: octo },
  { id: 900000000301, name: 'Maya Johnson', email: 'maya.johnson@acme-robotics.example', role: 'end-user', organizationId: acme },
  { id: 900000000302, name: 'Ethan Miller', email: 'ethan.miller@acme-robotics.example', role: 'end-user', organizationId: acme },
  { id: 900000000401, name: 'Anna Berger', email: 'anna.berger@initech.example', role: 'end-user', organizationId: initech },
  { id: 900000000501, name: 'Jo Visitor', email: 'jo@freemail.example', role: 'end-user', organizationId: null },
];

const [ava, noah] = [900000000001, 900000000002];

export const demoTickets: readonly DemoTicket[] = [
  {
    id: 1001, subject: 'Container tracking page shows a blank map', requesterId: 900000000101, assigneeId: ava, priority: 'urgent', channel: 'email',
    createdMinutesAgo: 25, description: 'Since the last release the live tracking map is blank for all our vessels.', messages: [],
    shows: 'running: first response due in about 1 h 35 m (Neptune Extended, urgent, 24/7)',
  },
  {
    id: 1002, subject: 'Customs export files rejected by the port authority', requesterId: 900000000102, assigneeId: ava, priority: 'urgent', channel: 'email',
    createdMinutesAgo: 100, description: 'All XML export files since 06:00 are rejected with schema error E-114.',
    messages: [{ minutesAgo: 80, authorId: ava, text: 'Escalated to the integrations team.', internal: true }],
    shows: 'warning: 20 minutes left of 2 hours, past the 50 % warning threshold',
  },
  {
    id: 1003, subject: 'API returns 503 for every booking request', requesterId: 900000000103, assigneeId: noah, priority: 'urgent', channel: 'email',
    createdMinutesAgo: 190, description: 'Every POST to /v3/bookings fails with 503. Our customers cannot book.', messages: [],
    shows: 'breached: the 2-hour first response was due 70 minutes ago',
  },
  {
    id: 1004, subject: 'Invoices for October missing line items', requesterId: 900000000101, assigneeId: noah, priority: 'urgent', channel: 'email',
    createdMinutesAgo: 360, description: 'Several October invoices list only the base fee.',
    messages: [{ minutesAgo: 330, authorId: noah, text: 'Could you send us two affected invoice numbers?', status: 'pending' }],
    minutesSpent: 200,
    shows: 'met first response, periodic update paused while waiting for the customer; guidance budget near its limit',
  },
  {
    id: 1005, subject: 'Scheduled report e-mails arrive twice', requesterId: 900000000401, assigneeId: null, priority: 'high', channel: 'web',
    createdMinutesAgo: 15, description: 'Every scheduled report arrives twice since the weekend.', messages: [],
    shows: 'waiting: the OTRS response clock starts when the next service window opens',
  },
  {
    id: 1006, subject: 'Question about exporting robot logs', requesterId: 900000000301, assigneeId: ava, priority: 'normal', channel: 'email',
    createdMinutesAgo: 240, description: 'Is there a way to export the robot logs as CSV?', messages: [],
    shows: 'non-binding: Neptune Basic suggests, but does not promise, medium-severity times',
  },
  {
    id: 1007, subject: 'Deployment to staging stuck at 90 %', requesterId: 900000000201, assigneeId: null, priority: 'high', channel: 'email',
    createdMinutesAgo: 20, description: 'Our staging deployment has been stuck at 90 % for a while.', messages: [],
    shows: 'Priority Support: 1 hour first response on the 24x5 follow-the-sun calendar',
  },
  {
    id: 1008, subject: 'Tentacle cannot reach the server after upgrade', requesterId: 900000000202, assigneeId: noah, priority: 'high', channel: 'email',
    createdMinutesAgo: 180, description: 'After upgrading to 2026.3 the agent cannot reach the server any more.',
    messages: [
      { minutesAgo: 165, authorId: noah, text: 'Please check that port 10943 is open on the new host.', status: 'pending' },
      { minutesAgo: 30, authorId: 900000000202, text: 'The port is open but the certificate thumbprint changed.', status: 'open' },
    ],
    shows: 'met first response; the average of later responses is running',
  },
  {
    id: 1009, subject: 'Vessel ETA notifications delayed', requesterId: 900000000102, assigneeId: ava, priority: 'high', channel: 'email',
    createdMinutesAgo: 60 * 30, description: 'ETA notifications reach our customers hours late.',
    messages: [
      { minutesAgo: 60 * 29, authorId: ava, text: 'We are checking the notification queue.', status: 'open' },
      { minutesAgo: 60 * 5, authorId: 900000000102, text: 'Any news? Still delayed today.' },
    ],
    historyCutShort: true,
    shows: 'estimated: the second page of the history could not be read',
  },
  {
    id: 1010, subject: 'Gripper calibration fails on firmware 5.2', requesterId: 900000000302, assigneeId: noah, priority: 'high', channel: 'email',
    createdMinutesAgo: 75, description: 'Calibration aborts with error 41 on every gripper since firmware 5.2.', messages: [],
    shows: "Neptune Basic, high: 3 business days in the customer's hours (New York)",
  },
  {
    id: 1011, subject: 'Feature idea: dark mode for the dashboard', requesterId: 900000000201, assigneeId: null, priority: 'low', channel: 'web',
    createdMinutesAgo: 50, description: 'Would love a dark theme for the dashboard.', messages: [],
    shows: 'not covered: Priority Support counts only e-mail tickets, so the clock is shown but not binding',
  },
  {
    id: 1012, subject: 'Do you offer student discounts?', requesterId: 900000000501, assigneeId: null, priority: null, channel: 'web',
    createdMinutesAgo: 35, description: 'Hi, is there a discount for students?', messages: [],
    shows: 'no plan: the sender matches no customer',
  },
];

/** The user with this id (the demo data is consistent, so a missing one is a bug). */
export function demoUser(id: number): DemoUser {
  const user = demoUsers.find((candidate) => candidate.id === id);
  if (!user) throw new Error(`demo data: no user ${id}`);
  return user;
}
