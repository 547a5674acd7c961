import { onMount } from 'svelte';

export interface LiveSlot {
  id: string;
  seatsLeft: number;
  status: 'open' | 'closed';
  bookable: 'open' | 'not_yet' | 'past' | 'closed';
}

/**
 * Seats left per slot, kept current by the place's server-sent event stream. Without JavaScript the
 * page shows the numbers of its load; with it, every change anyone makes arrives without a reload.
 * Fresh page data (after a form or a navigation) replaces what the stream said before it.
 */
export function liveSeats(source: () => { placeId: string; slots: LiveSlot[] }) {
  const state = $state<{ slots: Record<string, LiveSlot>; live: boolean }>({ slots: {}, live: false });
  $effect.pre(() => {
    for (const slot of source().slots) state.slots[slot.id] = { id: slot.id, seatsLeft: slot.seatsLeft, status: slot.status, bookable: slot.bookable };
  });
  onMount(() => {
    const events = new EventSource(`/api/v1/places/${source().placeId}/availability/stream`);
    events.addEventListener('availability', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { slots: LiveSlot[] };
      for (const slot of data.slots) state.slots[slot.id] = slot;
      state.live = true;
    });
    events.onerror = () => {
      state.live = false;
    };
    return () => events.close();
  });
  return state;
}
