import { sendBounded } from '../../nodes/shared/sendQueue';

describe('sendBounded', () => {
	// The first task ends while the queue is still asking its source for the others, all on one record.
	it('starts the next task on a record when the one before ends while the queue takes in more', async () => {
		const order: number[] = [];
		const tasks = [0, 1, 2].map((index) => ({
			recordKeys: ['subscriber 7'],
			send: async () => {
				order.push(index);
				return await Promise.resolve(index);
			},
		}));
		let next = 0;
		const report = await sendBounded(
			{ next: async () => await Promise.resolve(tasks[next++]) },
			4,
			true,
		);
		expect(order).toEqual([0, 1, 2]);
		expect(report.outcomes.map((outcome) => outcome.status)).toEqual(['done', 'done', 'done']);
	});
});
