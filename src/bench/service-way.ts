// The service's way (COMPAT.md's defects), in a bare process like the floor's: its statements,
// plus its JavaScript work (tags parsed row by row) where the job asks for it.
import { bareMain } from './bare-job.js';

bareMain();
