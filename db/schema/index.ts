// Every table of the app, for drizzle-kit and for typed queries.
export * from './knowledge.ts';
export * from './chat.ts';
export * from './jobs.ts';
export * from './leads.ts';
export * from './staff.ts';
export * from './edu.ts';
export * from './mail.ts';
export * from './limits.ts';
export * from './inbox.ts';
export * from './approved.ts';
