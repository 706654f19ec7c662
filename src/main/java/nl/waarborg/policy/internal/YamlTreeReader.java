package nl.waarborg.policy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Position;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import nl.waarborg.policy.PolicyLoader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.yaml.YAMLFactory;

/** Reads YAML text into a {@link YamlNode} tree with positions, using Jackson's streaming YAML parser. */
public final class YamlTreeReader {

    /**
     * Bounded: no more code points than a policy file may have bytes, no string longer, and no deeper nesting
     * than a policy needs, so one huge scalar or a deeply nested file costs little time and memory.
     */
    private static final LoadSettings SETTINGS = LoadSettings.builder().setCodePointLimit(PolicyLoader.MAX_BYTES)
            .setAllowDuplicateKeys(true) // reported as duplicate-key with both lines, below
            .setMaxAliasesForCollections(0).setAllowRecursiveKeys(false).build();

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loadSettings(SETTINGS)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(PolicyLoader.MAX_BYTES)
                    .maxNestingDepth(64).maxDocumentLength(PolicyLoader.MAX_BYTES).build())
            .build();

    private final String file;
    private final List<Finding> findings;

    public YamlTreeReader(String file, List<Finding> findings) {
        this.file = file;
        this.findings = findings;
    }

    /** The document's root, or null when the text is not valid YAML (a finding says where). */
    public YamlNode read(String text) {
        refuseAnchorsAndAliases(text);
        try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                findings.add(Finding.error(Position.start(file), "yaml-syntax", "the file is empty"));
                return null;
            }
            return node(p, t);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            Position at = loc == null ? Position.start(file) : position(loc);
            findings.add(Finding.error(at, "yaml-syntax", "not valid YAML: " + firstLine(e.getOriginalMessage())));
            return null;
        }
    }

    private YamlNode node(JsonParser p, JsonToken t) {
        Position at = position(p.currentTokenLocation());
        return switch (t) {
            case START_OBJECT -> mapping(p, at);
            case START_ARRAY -> sequence(p, at);
            case VALUE_STRING -> new YamlNode.Scalar(at, p.getString(), YamlNode.ScalarType.STRING);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, p.getString(), YamlNode.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, p.getString(), YamlNode.ScalarType.DECIMAL);
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(at, p.getString(), YamlNode.ScalarType.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(at, null, YamlNode.ScalarType.NULL);
            default -> new YamlNode.Scalar(at, p.getString(), YamlNode.ScalarType.STRING);
        };
    }

    /**
     * Anchors ({@code &name}) and aliases ({@code *name}) are refused, each where it stands: the tree reader would
     * take an alias for the text of its name, so a policy published "v" where its author meant the anchored value;
     * and a value written once and used elsewhere is not what a reviewer of a policy expects. Read from the YAML
     * events (cheap, bounded like the parse); a syntax error is left to the parse to report.
     */
    private void refuseAnchorsAndAliases(String text) {
        try {
            for (Event e : new Parse(SETTINGS).parseString(text)) {
                if (e instanceof AliasEvent alias) {
                    findings.add(Finding.error(at(e), "yaml-alias", "an alias (`*" + alias.getAlias().getValue()
                            + "`) is not allowed in a policy; write the value out where it is used"));
                } else if (e instanceof NodeEvent node && node.getAnchor().isPresent()) {
                    findings.add(Finding.error(at(e), "yaml-anchor", "an anchor (`&" + node.getAnchor().get().getValue()
                            + "`) is not allowed in a policy; write the value out where it is used"));
                }
            }
        } catch (YamlEngineException e) {
            // not valid YAML: read() reports it with its position
        }
    }

    private Position at(Event e) {
        return e.getStartMark().map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1)).orElse(Position.start(file));
    }

    private YamlNode mapping(JsonParser p, Position at) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            String key = p.currentName();
            Position keyAt = position(p.currentTokenLocation());
            YamlNode value = node(p, p.nextToken());
            if (entries.containsKey(key)) {
                findings.add(Finding.error(keyAt, "duplicate-key", "`" + key + "` is written twice in this mapping"
                        + " (first at line " + entries.get(key).keyAt().line() + "); keep one"));
            } else {
                entries.put(key, new YamlNode.Entry(key, keyAt, value));
            }
        }
        return new YamlNode.Mapping(entries.isEmpty() ? at : entries.values().iterator().next().keyAt(), entries);
    }

    private YamlNode sequence(JsonParser p, Position at) {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(p, t));
        }
        return new YamlNode.Sequence(at, items);
    }

    private Position position(TokenStreamLocation loc) {
        return new Position(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
