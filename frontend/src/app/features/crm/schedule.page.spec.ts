import { activityDetails, activityTitle } from './schedule.page';

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

describe('activityTitle', () => {
  it('names the lead instead of its id', () => {
    expect(activityTitle({ title: 'Tour with lead 10247', leadId: '10247', leadName: 'Ada Lovelace' })).toBe(
      'Tour with Ada Lovelace',
    );
    expect(activityTitle({ title: 'Follow-up call', leadId: '7', leadName: 'Ada Lovelace' })).toBe(
      'Follow-up call — Ada Lovelace',
    );
    expect(activityTitle({ title: 'Tour with lead 10247', leadId: '10247', leadName: null })).toBe(
      'Tour with lead 10247',
    );
  });
});
