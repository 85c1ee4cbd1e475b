/**
 * How long an application's texts may be (application.ts checks them): a
 * module of its own so the form island's fields can say it (a counter, a
 * `maxlength`) without loading the schema and zod.
 */
export const LIMITS = {
  name: 200,
  relation: 100,
  street: 200,
  city: 100,
  phone: 30,
  email: 254,
  description: 4000,
  helpReceived: 2000,
  bestTimes: 300,
} as const;
