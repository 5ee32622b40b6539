/** Finds the CONAC marks a page carries and what the page claims about itself. */
export { readClaims } from './claims';
export { type DetectOptions, detectMarks, MAX_MARKS } from './marks';
