import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';

/**
 * n8n-core's real InstanceSettings writes an encryption key under $HOME/.n8n on first use.
 * Tests replace it with an in-memory stand-in so a test run writes nothing to disk.
 */
export function useInMemoryInstanceSettings(): void {
	const settings = Object.assign(Object.create(InstanceSettings.prototype) as InstanceSettings, {
		settings: { encryptionKey: 'test-encryption-key' },
		n8nFolder: '/nonexistent/n8n-nodes-credits-tests',
		instanceType: 'main',
		instanceId: 'test-instance',
		hostId: 'test-host',
		hmacSignatureSecret: 'test-hmac',
	});
	Container.set(InstanceSettings, settings);
}
