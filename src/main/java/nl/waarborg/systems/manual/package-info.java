/**
 * Systems Waarborg cannot reach (connector {@code manual}, or jdbc and webhook systems not yet mapped): each subject
 * operation becomes a task for the system's owner, listed without personal values; opening one is audited.
 */
package nl.waarborg.systems.manual;
