// n8n credentials that point at the sandbox. The example workflows refer to them by these ids.
import { writeFile } from 'node:fs/promises';
import { SANDBOX_KEYS } from '../../sandbox/keys.mjs';

/** @param {Record<'signtraker' | 'voyado' | 'waldur' | 'spreedly' | 'openai', string>} baseUrls the sandbox's per-provider URLs */
export function sandboxCredentials(baseUrls) {
	return [
		{
			id: 'sbxSignTrakerApi',
			name: 'SignTraker (sandbox)',
			type: 'signTrakerApi',
			data: { apiKey: SANDBOX_KEYS.signTrakerApiKey, subdomain: '', baseUrl: baseUrls.signtraker },
		},
		{
			id: 'sbxVoyadoEngage1',
			name: 'Voyado Engage (sandbox)',
			type: 'voyadoEngageApi',
			data: { baseUrl: baseUrls.voyado, apiKey: SANDBOX_KEYS.voyadoApiKey },
		},
		{
			id: 'sbxVoyadoHook001',
			name: 'Voyado Engage webhook (sandbox)',
			type: 'voyadoEngageWebhookApi',
			data: { signingSecret: SANDBOX_KEYS.voyadoWebhookSecret },
		},
		{
			id: 'sbxWaldurApiKey1',
			name: 'Waldur (sandbox)',
			type: 'waldurApi',
			data: { baseUrl: baseUrls.waldur, token: SANDBOX_KEYS.waldurToken },
		},
		{
			id: 'sbxSpreedlySubs1',
			name: 'Spreedly Subscriptions (sandbox)',
			type: 'spreedlySubscriptionsApi',
			data: { siteName: SANDBOX_KEYS.spreedlySiteName, apiToken: SANDBOX_KEYS.spreedlyApiToken, baseUrl: baseUrls.spreedly },
		},
		{
			// n8n's own OpenAI credential, pointed at the sandbox's scripted chat model.
			id: 'sbxOpenAiModel01',
			name: 'OpenAI (sandbox model)',
			type: 'openAiApi',
			data: { apiKey: SANDBOX_KEYS.openAiApiKey, url: `${baseUrls.openai}/v1` },
		},
	];
}

/** Writes the credentials as `n8n import:credentials` reads them (plain `data`, which n8n encrypts on import). */
export async function writeSandboxCredentials(file, baseUrls) {
	await writeFile(file, JSON.stringify(sandboxCredentials(baseUrls), null, 2), { mode: 0o600 });
	return file;
}

/** The credential fields as n8n labels them. */
const FIELD_LABELS = { url: 'Base URL', apiKey: 'API Key', apiToken: 'API Token', baseUrl: 'Base URL', signingSecret: 'Signing Secret', siteName: 'Site Name', subdomain: 'Subdomain', token: 'Token' };

/** One line per sandbox credential with the values to enter (the keys are fake and open only the sandbox). */
export function sandboxCredentialLines(baseUrls) {
	return sandboxCredentials(baseUrls).map(({ name, data }) => {
		const fields = Object.entries(data)
			.filter(([, value]) => value !== '')
			.map(([field, value]) => `${FIELD_LABELS[field] ?? field}: ${value}`);
		return `${name.padEnd(34)} ${fields.join('   ')}`;
	});
}
