// The fake keys the sandbox accepts. They open nothing but this local sandbox.
export const SANDBOX_KEYS = Object.freeze({
	signTrakerApiKey: 'sandbox-signtraker-key',
	voyadoApiKey: 'sandbox-voyado-key',
	waldurToken: 'sandbox-waldur-token',
	spreedlyApiToken: 'sandbox-spreedly-token',
	/** For n8n's OpenAI credential: the sandbox's scripted chat model (sandbox/providers/openai.mjs). */
	openAiApiKey: 'sandbox-openai-key',
	/** The Svix signing secret of the webhook endpoint "added in Engage": the sandbox signs Voyado events with it. */
	voyadoWebhookSecret: `whsec_${Buffer.from('sandbox-voyado-webhook-signing-key').toString('base64')}`,
	/** A test site: Spreedly only deletes subscribers on test sites. */
	spreedlySiteName: 'sandbox-test',
});
