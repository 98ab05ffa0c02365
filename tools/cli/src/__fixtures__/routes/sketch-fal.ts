import { sketchRoute } from './route';

export const generator = sketchRoute('sketch-fal', 'fal', '0.039');
