/** The plans workspace's panels over the map. */
export function PlansView() {
  return null
}
