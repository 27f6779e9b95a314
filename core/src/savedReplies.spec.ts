import { describe, expect, it } from 'vitest';
import { filterSavedReplies, validateSavedReply } from './savedReplies';

describe('saved replies', () => {
  it('need a short title and a message-sized text, trimmed', () => {
    expect(validateSavedReply({ title: ' Delivery ', text: ' 3 days. ' })).toEqual({
      ok: true,
      value: { title: 'Delivery', text: '3 days.' },
    });
    const result = validateSavedReply({ title: 'x'.repeat(61), text: '' });
    expect(!result.ok && result.fields).toEqual({
      title: 'Keep the title to 60 characters.',
      text: 'Write the reply.',
    });
    const long = validateSavedReply({ title: 'Long', text: 'x'.repeat(2001) });
    expect(!long.ok && long.fields.text).toMatch(/at most 2000 characters/);
  });

  it('are found by every word typed, title matches first', () => {
    const replies = [
      { title: 'Returns', text: 'You can return any lamp within 30 days of delivery.' },
      { title: 'Delivery times', text: 'We ship in 2 days.' },
      { title: 'Bulbs', text: 'E27 bulbs.' },
    ];
    expect(filterSavedReplies(replies, 'deliv').map((r) => r.title)).toEqual([
      'Delivery times',
      'Returns',
    ]);
    expect(filterSavedReplies(replies, 'return lamp').map((r) => r.title)).toEqual(['Returns']);
    expect(filterSavedReplies(replies, '  ')).toHaveLength(3);
  });
});
