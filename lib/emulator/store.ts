import { createIdGenerator, type IdGenerator } from "./ids";
import type { AccountState, RegionState, RestApiState } from "./state";

/** Where a control-plane call acts: one account in one region, as SigV4's credential scope says. */
export interface Scope {
  store: EmulatorStore;
  accountId: string;
  region: string;
  state: RegionState;
}

export const DEFAULT_ACCOUNT_ID = "123456789012";
export const DEFAULT_REGION = "us-east-1";

/** All emulator state: accounts → regions → APIs, keys and domain names. */
export class EmulatorStore {
  readonly accounts = new Map<string, AccountState>();
  readonly ids: IdGenerator = createIdGenerator();
  /** Injected so tests can move time (epoch milliseconds). */
  now: () => number = () => Date.now();
  /**
   * The data plane's canary draw, in [0, 1): seeded (mulberry32) so a test that sends N requests to a canary stage
   * sees the same split every run; `seedRandom` restarts the sequence.
   */
  random: () => number = mulberry32(1);

  seedRandom(seed: number): void {
    this.random = mulberry32(seed);
  }

  account(accountId: string): AccountState {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { accountId, regions: new Map() };
      this.accounts.set(accountId, account);
    }
    return account;
  }

  regionState(accountId: string, region: string): RegionState {
    const account = this.account(accountId);
    let state = account.regions.get(region);
    if (!state) {
      state = { restApis: new Map(), apiKeys: new Map(), domainNames: new Map() };
      account.regions.set(region, state);
    }
    return state;
  }

  scope(accountId: string = DEFAULT_ACCOUNT_ID, region: string = DEFAULT_REGION): Scope {
    return { store: this, accountId, region, state: this.regionState(accountId, region) };
  }

  /** Every REST API in every account and region, for the data plane's lookups. */
  *allApis(): Generator<{ account: AccountState; region: string; api: RestApiState }> {
    for (const account of this.accounts.values()) {
      for (const [region, state] of account.regions) {
        for (const api of state.restApis.values()) yield { account, region, api };
      }
    }
  }

  /** Forgets everything and restarts the id sequence, so a reseed reproduces the same ids. */
  reset(): void {
    this.accounts.clear();
    this.ids.reset();
    this.random = mulberry32(1);
  }

  /** A fresh id not yet used by `taken`. */
  newId(taken: { has(id: string): boolean }, length = 10): string {
    for (;;) {
      const id = this.ids.next(length);
      if (!taken.has(id)) return id;
    }
  }
}

/** A small seedable PRNG (public-domain mulberry32); not for secrets, only for a reproducible traffic split. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
