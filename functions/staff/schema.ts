// Request bodies of the staff session routes.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../agents/security/passwords.ts';

// No e-mail format check here: a malformed address is simply not an account, and answers like any wrong login.
export const LoginSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
