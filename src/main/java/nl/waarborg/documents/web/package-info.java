/**
 * The public statement page and the statement and register endpoints.
 */
package nl.waarborg.documents.web;
