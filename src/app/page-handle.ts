/**
 * What a page's route says about itself (`handle` in src/app/routes.tsx). `source`: the page's file,
 * so the build can link its stylesheet and code in the page's HTML; `signedIn`: a page behind
 * sign-in, whose prerendered header shows neither "Sign in" nor the navigation; `words`: the
 * catalogues it needs beyond its own, loaded with its code (parts shown once data arrives use them).
 */
export type PageHandle = { source: string; signedIn?: boolean; words?: readonly string[] };
