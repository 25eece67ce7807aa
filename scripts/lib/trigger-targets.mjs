// Where the sandbox posts the events that Voyado Engage and Spreedly send to URLs set up by hand at the provider:
// the production URLs of the trigger nodes in the example workflows. (Waldur's trigger registers its own URL.)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** n8n serves a trigger node at `/webhook/<webhookId>/<path>`; this package's triggers use the path `webhook`. */
export const triggerWebhookPath = (workflow, nodeType) => {
	const node = workflow.nodes.find((candidate) => candidate.type === `n8n-nodes-credits.${nodeType}` && candidate.webhookId);
	return node && `${node.webhookId}/webhook`;
};

export async function readExamples(examplesDir) {
	const files = (await readdir(examplesDir)).filter((file) => file.endsWith('.json')).sort();
	return await Promise.all(files.map(async (file) => JSON.parse(await readFile(path.join(examplesDir, file), 'utf8'))));
}

/** `{voyado: [url], spreedly: url}` for the sandbox, for an n8n at `baseUrl` (e.g. http://127.0.0.1:5678). */
export function triggerWebhookTargets(baseUrl, examples) {
	const urlOf = (nodeType) =>
		examples.map((workflow) => triggerWebhookPath(workflow, nodeType)).filter(Boolean).map((webhookPath) => `${baseUrl}/webhook/${webhookPath}`);
	return { voyado: urlOf('voyadoEngageTrigger'), spreedly: urlOf('spreedlySubscriptionsTrigger')[0] };
}
