/** The portal's pages: the statement and its versions, requests, status, preferences, unsubscribe, accessibility. */
package nl.waarborg.portal.web;
