import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusMessage } from '@/components/ui/status-message';
import { formatNumber } from '@/lib/format';
import { useRevealed } from '@/lib/use-revealed';
import { pageSize, useContacts } from '../api/list-contacts';
import type { ContactFilters } from '@/shared/contact-history/rules';
import { ContactRow } from './contact-row';

/** At most this many pages are in the page at once, however far the customer scrolls. */
export const windowPages = 3;

type Props = { accountId: string; filters: ContactFilters };

/**
 * The history as a window over the loaded pages: scrolling down (or the button) loads the next
 * page by cursor and drops the oldest page from the top, so the number of rows stays bounded.
 */
export function ContactList({ accountId, filters }: Props) {
  const { t, i18n } = useTranslation('contact-history');
  const query = useContacts(accountId, filters);
  const [start, setStart] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  // The first page (50 contacts) is built in slices; pages loaded later show at once.
  const data = useRevealed(query.data);
  const pages = data?.pages ?? [];
  const first = Math.min(start, Math.max(0, pages.length - windowPages));
  const visible = pages.slice(first, first + windowPages);
  const hiddenBelow = pages.length > first + windowPages;
  const canShowOlder = hiddenBelow || query.hasNextPage;

  // Dropping the top page must not move what the reader is looking at. Chrome's scroll
  // anchoring does this by itself; other browsers need the scroll position corrected.
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const moveWindow = (next: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('li.contact > h3');
    const last = rows?.[rows.length - 1];
    anchor.current = last ? { id: last.id, top: last.getBoundingClientRect().top } : null;
    setStart(next);
  };
  useLayoutEffect(() => {
    const saved = anchor.current;
    anchor.current = null;
    const element = saved && document.getElementById(saved.id);
    if (!saved || !element) return;
    const moved = element.getBoundingClientRect().top - saved.top;
    if (Math.abs(moved) > 1) window.scrollBy(0, moved);
  }, [first]);

  const showOlder = () => {
    if (hiddenBelow) return moveWindow(first + 1);
    if (!query.hasNextPage || query.isFetchingNextPage) return;
    void query
      .fetchNextPage()
      .then((result) => moveWindow(Math.max(0, (result.data?.pages.length ?? 0) - windowPages)));
  };
  // The scroll observer always calls the latest version: set before paint, so a scroll right after
  // a page lands never meets the version from while it was loading (which does nothing).
  const olderRef = useRef(showOlder);
  useLayoutEffect(() => {
    olderRef.current = showOlder;
  });

  // The observer speaks only when the end of the list comes into reach or leaves it, once per frame.
  // When a page lands or the window moves, the end is observed afresh: a new observation always
  // reports where the end is at the next frame, so a reader who is (or gets back) in reach by then
  // is never left waiting for a change the observer did not see.
  const reach = 400;
  const observeAfresh = useRef<() => void>(() => {});
  const sentinelRef = useCallback((sentinel: HTMLDivElement | null) => {
    if (!sentinel || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && olderRef.current(),
      { rootMargin: `${reach}px 0px` },
    );
    observer.observe(sentinel);
    observeAfresh.current = () => {
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    };
    return () => {
      observer.disconnect();
      observeAfresh.current = () => {};
    };
  }, []);
  useEffect(() => observeAfresh.current(), [pages.length, first]);

  if (query.isError && !query.data) {
    return <QueryError message={t('list.failed')} retryLabel={t('common:retry')} onRetry={() => query.refetch()} />;
  }
  if (!data) return <Skeleton label={t('list.loading')} lines={6} fill />;
  const { total } = pages[0]!;
  const items = visible.flatMap((page) => page.items);
  const firstNumber = first * pageSize + 1;

  return (
    <section aria-labelledby="history-list-title" className="history-list" aria-busy={query.isFetching || undefined}>
      <h2 id="history-list-title" className="visually-hidden">
        {t('list.label')}
      </h2>
      <StatusMessage tone="success">{announcement || null}</StatusMessage>
      {total === 0 ? (
        <p>{Object.keys(filters).length ? t('list.none') : t('list.noneAtAll')}</p>
      ) : (
        <>
          <p className="muted history-list__count">
            {t('list.showing', {
              first: formatNumber(i18n.language, firstNumber),
              last: formatNumber(i18n.language, firstNumber + items.length - 1),
              total: formatNumber(i18n.language, total),
            })}
          </p>
          {first > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setStart(first - 1);
                if (first === 1) requestAnimationFrame(() => listRef.current?.focus());
              }}
            >
              {t('list.newer')}
            </button>
          )}
          <ol
            ref={listRef}
            tabIndex={-1}
            className="plain-list history-list__items"
            aria-labelledby="history-list-title"
          >
            {items.map((contact) => (
              <ContactRow key={contact.id} accountId={accountId} contact={contact} onReported={setAnnouncement} />
            ))}
          </ol>
        </>
      )}
      <div ref={sentinelRef} className="history-list__sentinel" />
      <StatusMessage tone={query.isFetchNextPageError ? 'error' : 'info'}>
        {query.isFetchNextPageError ? t('list.failed') : query.isFetchingNextPage ? t('list.loadingMore') : null}
      </StatusMessage>
      {total > 0 &&
        (canShowOlder ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={showOlder}
            disabled={query.isFetchingNextPage}
          >
            {t('list.older')}
          </button>
        ) : (
          <p className="muted">{t('list.end')}</p>
        ))}
    </section>
  );
}
