/**
 * A grey placeholder while content loads. Screen readers hear `label` once. `fill`: a page's main
 * content, taller than the screen, so whatever follows starts below it and never moves in view.
 */
export function Skeleton({ lines = 3, label, fill = false }: { lines?: number; label: string; fill?: boolean }) {
  return (
    <div className={fill ? 'skeleton skeleton--fill' : 'skeleton'} role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton__line" aria-hidden="true" />
      ))}
    </div>
  );
}
