// The fake keys the sandbox accepts. They open nothing but this local sandbox.
export const SANDBOX_KEYS = Object.freeze({
	signTrakerApiKey: 'sandbox-signtraker-key',
	voyadoApiKey: 'sandbox-voyado-key',
	waldurToken: 'sandbox-waldur-token',
	spreedlyApiToken: 'sandbox-spreedly-token',
	/** A test site: Spreedly only deletes subscribers on test sites. */
	spreedlySiteName: 'sandbox-test',
});
