import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

// `n8n-node lint` lints the whole folder with this config, `npm run lint` the shipped sources: both cover only what
// the package ships. A custom config (n8n.strict false in package.json): the Cloud rules forbid xml2js, which the
// Spreedly node needs; `npm run lint:verify` runs n8n's verification lint with its exceptions.
export default [
	{ ignores: ['dist/**', 'test/**', 'bench/**', 'scripts/**', 'sandbox/**', 'examples/**', 'gulpfile.js', 'jest.config.js'] },
	// n8n's community-node rules, in the variant for packages that are not verified for n8n Cloud.
	...configWithoutCloudSupport,
	{
		files: ['package.json'],
		rules: {
			// xml2js is the package's single, deliberate runtime dependency (the Spreedly API speaks XML).
			// n8n itself ships it (n8n-workflow depends on it), so it adds nothing new to an n8n install.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
];
