import { useSyncExternalStore } from 'react';
import { currentHref, subscribeToLocation } from './location-store';

export function useLocationHref(): string {
  return useSyncExternalStore(subscribeToLocation, currentHref);
}
