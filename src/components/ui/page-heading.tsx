import { useEffect, useRef, type ReactNode } from 'react';

let headingsShown = 0;

/**
 * The page's h1. After an in-app navigation it takes focus, so keyboard and screen-reader
 * users start at the new page's content. On the first page of a visit it does not, so the
 * skip link stays the first thing Tab reaches. Also sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const counted = useRef(false);
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(() => {
    // Counted when shown, not when rendered: a render that suspends and is thrown away must not
    // count as a page. The ref keeps StrictMode's second effect run from counting twice.
    if (counted.current) return;
    counted.current = true;
    if (headingsShown++ > 0) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
