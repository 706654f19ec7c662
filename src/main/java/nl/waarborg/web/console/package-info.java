/**
 * Console pages whose data lives in a capability that the shared page parts ({@code nl.waarborg.pages}) already
 * depend on, directly or not (the policy, its documents, the audit log): a controller inside that capability would
 * make the capabilities depend on each other in a circle, so these pages sit in the web shell on top of them.
 */
package nl.waarborg.web.console;
