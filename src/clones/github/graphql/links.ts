import type { DomainContext } from '../domain/context.js';
import type { PullRecord, RepoRecord } from '../state/model.js';
import type { Gql } from './context.js';

/**
 * How objects reach each other (a Ref's pull requests, an Issue's repository…) without their
 * modules importing each other: the builders are set here once, by wire.ts.
 */
export const links = {
  repo: (_domain: DomainContext, _repo: RepoRecord): Gql => {
    throw new Error('graphql/wire.ts was not loaded');
  },
  actor: (_domain: DomainContext, _id: number | null | undefined): Gql | null => {
    throw new Error('graphql/wire.ts was not loaded');
  },
  pull: (_domain: DomainContext, _pull: PullRecord): Gql => {
    throw new Error('graphql/wire.ts was not loaded');
  },
};
