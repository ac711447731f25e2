/**
 * One threshold for every list and for each axis of the matrix grid: below it, everything renders
 * (find-in-page, printing and assistive technology see every item); from it on, only what is in view
 * and a margin around it. 80 on both axes of the grid keeps a whole grid near 6,000 cells.
 */
export const WINDOW_FROM = 80;

export const isWindowed = (count: number): boolean => count >= WINDOW_FROM;
