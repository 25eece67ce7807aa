import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
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
