// The console's pure pieces behind the inbox additions and the metrics page: chart scales and paths, which days are
// labelled, the first-response clock, where a saved reply goes in the reply box, and which hash names a section.
import { describe, expect, it } from 'vitest';
import { insertAtCursor } from '../../web/console/canned-picker.ts';
import { CHART, labelledDays, linePath, niceMax, scales } from '../../web/console/chart.ts';
import { waitClock } from '../../web/console/first-response.ts';
import { hashText, namesSection, routeOf, sectionOf } from '../../web/console/sections.ts';

describe('chart geometry', () => {
  it('rounds the top of the scale up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 3, 7, 12, 25, 26, 740, 1234].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 20, 25, 50, 1000, 2000]);
  });

  it('puts the days side by side in the plot and the values from the axis up', () => {
    const { band, x, y } = scales(4, 10);
    expect(band).toBe((CHART.width - CHART.left - CHART.right) / 4);
    expect(x(0)).toBe(CHART.left + band / 2);
    expect(y(0)).toBe(CHART.height - CHART.bottom);
    expect(y(10)).toBe(CHART.top);
    expect(y(25)).toBe(CHART.top);
  });

  it('breaks a line where a day has no value instead of dropping it to zero', () => {
    expect(linePath([1, 2, null, 4, 5], (i) => i * 10, (v) => 100 - v)).toBe('M0.0 99.0L10.0 98.0M30.0 96.0L40.0 95.0');
    expect(linePath([null, null], (i) => i, (v) => v)).toBe('');
  });

  it('labels at most seven days, evenly, always the last', () => {
    expect(labelledDays(5)).toEqual([0, 1, 2, 3, 4]);
    expect(labelledDays(14)).toEqual([1, 3, 5, 7, 9, 11, 13]);
    expect(labelledDays(92).length).toBeLessThanOrEqual(7);
    expect(labelledDays(92).at(-1)).toBe(91);
  });
});

describe('waitClock', () => {
  it('shows minutes and seconds, hours past the hour, and never a negative wait', () => {
    expect(waitClock(5_000)).toBe('0:05');
    expect(waitClock(7 * 60_000 + 5_000)).toBe('7:05');
    expect(waitClock(3_600_000 + 61_000)).toBe('1:01:01');
    expect(waitClock(-2_000)).toBe('0:00');
  });
});

describe('insertAtCursor', () => {
  const box = (value: string, start: number, end = start) => ({ value, selectionStart: start, selectionEnd: end }) as HTMLTextAreaElement;

  it('fills an empty box and leaves the cursor at the end', () => {
    const b = box('', 0);
    insertAtCursor(b, 'Thanks for waiting.');
    expect([b.value, b.selectionStart]).toEqual(['Thanks for waiting.', 19]);
  });

  it('puts the text on its own line after words already typed, and replaces a selection', () => {
    const typed = box('Hello!', 6);
    insertAtCursor(typed, 'Thanks for waiting.');
    expect(typed.value).toBe('Hello!\nThanks for waiting.');
    const selected = box('Hello XXX bye', 6, 9);
    insertAtCursor(selected, 'there');
    expect([selected.value, selected.selectionEnd]).toEqual(['Hello there bye', 11]);
    const afterNewline = box('Hello!\n', 7);
    insertAtCursor(afterNewline, 'Two');
    expect(afterNewline.value).toBe('Hello!\nTwo');
  });
});

describe('sectionOf', () => {
  it('names a section only for its own hash and only when it is offered', () => {
    expect(sectionOf('#metrics', ['metrics'])).toBe('metrics');
    expect(sectionOf('#canned-replies', ['metrics'])).toBeNull();
    expect(sectionOf('#canned-replies', ['metrics', 'canned-replies'])).toBe('canned-replies');
    expect(sectionOf('#0f9c8e3a-1111-4000-8000-000000000000', ['metrics'])).toBeNull();
    expect(sectionOf('', ['metrics'])).toBeNull();
  });

  it('reads a section\'s route after its name (#leads/<id>), and tells a section it does not offer from a conversation id', () => {
    expect(sectionOf('#leads/0f9c8e3a', ['gaps', 'leads'])).toBe('leads');
    expect(routeOf('#leads/0f9c8e3a')).toEqual(['0f9c8e3a']);
    expect(routeOf('#leads')).toEqual([]);
    expect(namesSection('#approved')).toBe(true);
    expect(namesSection('#leads/0f9c8e3a')).toBe(true);
    expect(namesSection('#0f9c8e3a-1111-4000-8000-000000000000')).toBe(false);
    expect(namesSection('#inbox')).toBe(false);
    expect(hashText('#%E0%A4%A')).toBe('%E0%A4%A');
    expect(sectionOf('#%E0%A4%A', ['metrics'])).toBeNull();
  });
});
