// What the sandbox pushes to n8n as the providers would: one POST per delivery, one attempt, each recorded.

/**
 * @typedef {object} Delivery
 * @property {string} provider
 * @property {string} url
 * @property {Record<string, string>} headers
 * @property {string} body
 * @property {number} [status]  n8n's answer
 * @property {string} [error]   when n8n could not be reached
 */
export function createOutbox(log) {
	/** @type {Delivery[]} */
	let deliveries = [];
	let pending = new Set();

	function deliver(provider, { url, headers, body }) {
		const delivery = { provider, url, headers, body };
		deliveries.push(delivery);
		const sent = fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(10_000) })
			.then(
				async (response) => {
					delivery.status = response.status;
					await response.arrayBuffer();
				},
				(error) => {
					delivery.error = error.cause?.code ?? error.message;
				},
			)
			.finally(() => {
				pending.delete(sent);
				log(`${provider} → POST ${url} → ${delivery.status ?? delivery.error}`);
			});
		pending.add(sent);
	}

	return {
		deliver,
		deliveries: () => deliveries,
		/** Resolves once every delivery sent so far has been answered. */
		settled: () => Promise.all([...pending]),
		reset() {
			deliveries = [];
			pending = new Set();
		},
	};
}
