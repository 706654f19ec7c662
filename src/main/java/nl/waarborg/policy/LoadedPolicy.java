package nl.waarborg.policy;

/** A policy together with where it came from: its name, its text, its content hash and the positions of its parts. */
public record LoadedPolicy(Policy policy, SourceMap sourceMap, String source, String contentHash, String text) {
}
