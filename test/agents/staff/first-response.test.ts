// firstResponses: each escalation paired with the first staff reply after it, from a conversation's events.
import { describe, expect, it } from 'vitest';
import { firstResponses, type HandoverEvent } from '../../../agents/staff/first-response.ts';

const status = (conversationId: string, value: string, createdAt: number): HandoverEvent => ({ conversationId, type: 'status', status: value, createdAt });
const reply = (conversationId: string, createdAt: number): HandoverEvent => ({ conversationId, type: 'staff_message', createdAt });
const joined = (conversationId: string, createdAt: number): HandoverEvent => ({ conversationId, type: 'staff_joined', createdAt });

describe('firstResponses', () => {
  it('pairs an escalation with the first staff reply after it, not with the claim or later replies', () => {
    expect(firstResponses([status('a', 'escalated', 100), joined('a', 400), status('a', 'staff', 400), reply('a', 700), reply('a', 900)])).toEqual([
      { conversationId: 'a', escalatedAt: 100, repliedAt: 700 },
    ]);
  });

  it('keeps escalations of several conversations apart, and one still waiting has no reply', () => {
    const events = [status('a', 'escalated', 100), status('b', 'escalated', 150), reply('b', 200), reply('a', 500), status('c', 'escalated', 600)];
    expect(firstResponses(events)).toEqual([
      { conversationId: 'a', escalatedAt: 100, repliedAt: 500 },
      { conversationId: 'b', escalatedAt: 150, repliedAt: 200 },
      { conversationId: 'c', escalatedAt: 600, repliedAt: null },
    ]);
  });

  it('closes an escalation without a reply when it goes back to the assistant or is resolved, and counts the next one anew', () => {
    const events = [status('a', 'escalated', 100), status('a', 'resolved', 300), reply('a', 350), status('a', 'escalated', 1000), status('a', 'bot', 1100), status('a', 'escalated', 2000), reply('a', 2600)];
    expect(firstResponses(events)).toEqual([
      { conversationId: 'a', escalatedAt: 100, repliedAt: null },
      { conversationId: 'a', escalatedAt: 1000, repliedAt: null },
      { conversationId: 'a', escalatedAt: 2000, repliedAt: 2600 },
    ]);
  });

  it('ignores staff replies to a conversation that never asked for a person, and a repeated request while waiting', () => {
    expect(firstResponses([status('a', 'staff', 10), reply('a', 20), status('b', 'escalated', 30), status('b', 'escalated', 40), reply('b', 90)])).toEqual([
      { conversationId: 'b', escalatedAt: 30, repliedAt: 90 },
    ]);
  });

  it('keeps the written order within one millisecond', () => {
    expect(firstResponses([status('a', 'escalated', 5), reply('a', 5)])).toEqual([{ conversationId: 'a', escalatedAt: 5, repliedAt: 5 }]);
  });
});
