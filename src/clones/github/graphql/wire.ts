import { pullObject } from './issues.js';
import { links } from './links.js';
import { repoObject } from './repository.js';

links.repo = repoObject;
links.pull = pullObject;
