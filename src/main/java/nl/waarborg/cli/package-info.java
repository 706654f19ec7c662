/**
 * The command line ({@code ./waarborg}, picocli): serve, lint, statement, register, keys, audit and retention
 * commands. Exit codes: 0 fine, 1 findings or a broken chain, 2 unreadable input or a wrong command line.
 */
package nl.waarborg.cli;
