// Request bodies of the staff session routes.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../agents/security/passwords.ts';

// No e-mail format check here: a malformed address is simply not an account, and answers like any wrong login.
export const LoginSchema = z.object({
  email: z.string({ error: 'email_missing' }).trim().min(1, { error: 'email_missing' }).max(254),
  password: z.string({ error: 'password_missing' }).min(1, { error: 'password_missing' }).max(MAX_PASSWORD_LENGTH),
});
