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
  }

  /** A fresh id not yet used by `taken`. */
  newId(taken: { has(id: string): boolean }, length = 10): string {
    for (;;) {
      const id = this.ids.next(length);
      if (!taken.has(id)) return id;
    }
  }
}
