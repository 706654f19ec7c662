package nl.waarborg.policy.internal;

import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Position;

/** A YAML document as a tree that remembers where every node was written. */
public sealed interface YamlNode {

    Position at();

    /** Short name of the node's kind for error messages ("a mapping", "a list", "text"). */
    String kind();

    record Mapping(Position at, Map<String, Entry> entries) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Entry(String key, Position keyAt, YamlNode value) {}

    record Sequence(Position at, List<YamlNode> items) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    record Scalar(Position at, String value, ScalarType type) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "text";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }

    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }
}
