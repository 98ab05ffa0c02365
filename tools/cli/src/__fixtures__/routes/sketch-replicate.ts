import { sketchRoute } from './route';

export const generator = sketchRoute('sketch-replicate', 'replicate', '0.025');
