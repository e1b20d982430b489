import { activityDetails } from './schedule.page';

describe('activityDetails', () => {
  it('joins the parts an activity has with a middle dot, without empty parts or stray commas', () => {
    expect(
      activityDetails({ type: 'Tour', durationMinutes: 15, assignedTo: 'Noah Williams', status: 'Scheduled' }),
    ).toBe('Tour · 15 min · Noah Williams · Scheduled');
    expect(activityDetails({ type: 'Call', durationMinutes: null, assignedTo: ' ', status: 'Completed' })).toBe(
      'Call · Completed',
    );
  });
});
