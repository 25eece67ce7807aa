// The official Svix library (npm `svix`, github.com/svix/svix-webhooks) as the tests' oracle. It is ESM only,
// which CommonJS jest cannot import, so svixOracle.ts runs this script in its own Node process: it reads one
// JSON request on stdin and writes what `Webhook.sign` and `Webhook.verify` made of it on stdout.
import { readFileSync } from 'node:fs';
import { Webhook } from 'svix';

const request = JSON.parse(readFileSync(0, 'utf8'));
// The library reads the clock when it checks a timestamp: it sees the test's fixed time.
Date.now = () => request.nowSeconds * 1000;

const signer = (secret) => new Webhook(secret);
const signatures = request.sign.map(({ secret, id, timestamp, body }) =>
	signer(secret).sign(id, new Date(timestamp * 1000), body),
);
const verdicts = request.verify.map(({ secret, headers, body }) => {
	try {
		signer(secret).verify(body, headers);
		return 'accepted';
	} catch (error) {
		return `refused: ${error.message}`;
	}
});
process.stdout.write(JSON.stringify({ signatures, verdicts }));
