import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The API origin for `vite` (dev) and `vite preview`; the built app itself only ever calls
// same-origin `/api`, so this never reaches the bundle.
const apiTarget = process.env.YUANLUO_API_URL ?? 'http://localhost:8080'

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre and deck.gl alone exceed Vite's 500 kB warning; the app is served from the local
    // network and cached, so one large vendor chunk is expected rather than a problem.
    chunkSizeWarningLimit: 1600,
  },
  server: { proxy: { '/api': apiTarget } },
  preview: { proxy: { '/api': apiTarget } },
})
