// Types for guard.mjs, which stays JavaScript so spawned Node processes can --import it without a loader.
export function isLoopback(host: string): boolean;
export function guardChildren(): void;
