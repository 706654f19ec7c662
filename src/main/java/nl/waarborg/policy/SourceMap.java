package nl.waarborg.policy;

import java.util.Map;

/**
 * Where each part of a policy was written. Paths name elements by id: {@code purposes.marketing},
 * {@code purposes.marketing.legal-basis}, {@code retention.footage.period}, {@code rights.response-time}.
 */
public record SourceMap(String file, Map<String, Position> positions) {

    /** The position of {@code path}, or of its nearest written ancestor, or the file's start. */
    public Position at(String path) {
        String p = path;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return Position.start(file);
            }
            p = p.substring(0, dot);
        }
    }
}
