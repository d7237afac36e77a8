import { useEffect } from 'react'
import { useStore } from '../../store/index.ts'
import { redoEdit, undoEdit } from '../../store/plans-slice.ts'

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo, except while typing in a field. */
export function usePlanShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return
      const key = e.key.toLowerCase()
      const { setState } = useStore
      if (key === 'z' && !e.shiftKey) setState(undoEdit)
      else if ((key === 'z' && e.shiftKey) || key === 'y') setState(redoEdit)
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
