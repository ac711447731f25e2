import { describe, expect, it } from 'vitest';
import { readInPanes } from './read-in-panes';

describe('the panes "Read in …" opens', () => {
  it('adds the article to the open panes instead of replacing them', () => {
    expect(readInPanes(['a', 'b'], 'c', ['c'])).toEqual(['a', 'b', 'c']);
  });

  it('keeps the panes as they are when the article is already open', () => {
    expect(readInPanes(['a', 'c'], 'c', ['c'])).toEqual(['a', 'c']);
  });

  it('drops the oldest pane past five', () => {
    expect(readInPanes(['a', 'b', 'c', 'd', 'e'], 'f', [])).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('with no pane open, puts the article beside another that mentions the claim', () => {
    expect(readInPanes([], 'b', ['a', 'b'])).toEqual(['b', 'a']);
    expect(readInPanes([], 'b', ['b'])).toEqual(['b']);
  });
});
