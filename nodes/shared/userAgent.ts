import { name, version } from '../../package.json';

/** `n8n-nodes-credits/<version>`, read from package.json when the package is built. */
export const USER_AGENT = `${name}/${version}`;
