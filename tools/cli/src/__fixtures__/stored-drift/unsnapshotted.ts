// Planted with no snapshot.json beside it: `boards drift --stored` must say so, never call it ok.
import { listedGenerator } from '@boards/catalogue/src/__fixtures__/listed-generator';

export const generator = listedGenerator('unsnapshotted');
