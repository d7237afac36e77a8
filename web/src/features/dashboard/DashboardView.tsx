/** The dashboard workspace's panels over the map. */
export function DashboardView() {
  return null
}
