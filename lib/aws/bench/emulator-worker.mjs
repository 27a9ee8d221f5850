// Worker entry: Node 20 loads a worker's entry file before --import hooks run, so register tsx here.
import { register } from "tsx/esm/api";

register();
await import("./emulator-worker.ts");
