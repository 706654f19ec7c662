/**
 * What every page shares: the layout's {@link nl.waarborg.pages.Page}, the words per language
 * ({@link nl.waarborg.pages.Texts}, bundles under {@code nl/waarborg/pages/}), the language switch and the page
 * shown when access is refused. Templates live in {@code src/main/jte}, compiled at build time.
 */
package nl.waarborg.pages;
