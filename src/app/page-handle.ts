/**
 * What a page's route says about itself (`handle` in src/app/routes.tsx). `source`: the page's file,
 * so the build can link its stylesheet and code in the page's HTML; `signedIn`: a page behind
 * sign-in, whose prerendered header shows neither "Sign in" nor the navigation.
 */
export type PageHandle = { source: string; signedIn?: boolean };
