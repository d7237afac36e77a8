import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Base styles first, so each feature's stylesheet can refine them.
import './styles.css'
import { App } from './App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
