import nock from 'nock';

// Each jest test file loads its own nock; requiring it activates it at once and patches the
// process-wide http module. Restore at load and activate only around this file's tests, so a copy
// left active by an earlier file in the same worker cannot answer (or break) this file's requests.
nock.restore();

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.enableNetConnect();
	nock.restore();
});
