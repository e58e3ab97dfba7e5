import { pullObject } from './issues.js';
import { links } from './links.js';
import { actorById } from './objects.js';
import { repoObject } from './repository.js';

links.repo = repoObject;
links.pull = pullObject;
links.actor = actorById;
