// Bearer check for the job endpoint: JOBS_TOKEN; without it the endpoint is off.
import { requireBearer } from '../middleware/bearer.ts';

export const requireJobsToken = () => requireBearer({ secret: (env) => env.JOBS_TOKEN, realm: 'jobs', disabled: 'jobs_disabled' });
