import nock from 'nock';

import { finishMockedApis, unwatchUnmatchedRequests, watchUnmatchedRequests } from './mockApi';

// Each jest test file loads its own nock; requiring it activates it at once and patches the
// process-wide http module. Restore at load and activate only around this file's tests, so a copy
// left active by an earlier file in the same worker cannot answer (or break) this file's requests.
nock.restore();

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
	watchUnmatchedRequests();
});

// After every test: each declared reply was asked for, nothing undeclared was asked, no check failed.
afterEach(() => {
	const problems = finishMockedApis();
	nock.cleanAll();
	if (problems.length) throw new Error(`HTTP mocks:\n- ${problems.join('\n- ')}`);
});

afterAll(() => {
	unwatchUnmatchedRequests();
	nock.enableNetConnect();
	nock.restore();
});
