/**
 * The policy in the running service: the version in force, activation of a new version (stored immutable by content
 * hash) and its endpoints under {@code /api/v1/policy}.
 */
package nl.waarborg.policy.service;
