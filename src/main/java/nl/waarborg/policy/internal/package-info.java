/**
 * How a policy file is read: UTF-8 and size checks, a YAML tree that keeps every position, and the binder that turns it
 * into the model and reports each problem at its file, line and column with a did-you-mean. Not used outside
 * {@code nl.waarborg.policy}.
 */
package nl.waarborg.policy.internal;
