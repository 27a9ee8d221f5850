"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The browser's origin for absolute share links; "" during server rendering (the server knows only the path). */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}
