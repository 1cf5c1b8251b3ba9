/** The drag-and-drop type of a palette item dropped on the canvas. */
export const PALETTE_MIME = 'application/x-stakemap-label';
