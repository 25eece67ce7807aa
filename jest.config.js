/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
	setupFilesAfterEnv: ['<rootDir>/test/harness/setupNock.ts'],
	// Generous: a timeout guards against a hang, never measures speed (CI machines may be loaded; the 2500-row batching tests took over 20 s at load 15).
	testTimeout: 60000,
};
