// The project's vitest config with only the fixture included: the proof that its setup fails a test that reached out.
import config from '../../../vitest.config.ts';

export default { ...config, test: { ...config.test, include: ['test/support/no-egress/fixture.ts'] } };
