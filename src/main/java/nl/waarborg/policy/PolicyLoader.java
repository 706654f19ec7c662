package nl.waarborg.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.waarborg.policy.internal.PolicyBinder;
import nl.waarborg.policy.internal.YamlNode;
import nl.waarborg.policy.internal.YamlTreeReader;

/** Reads a policy file into a {@link Policy}, reporting every loading problem with its position. */
public final class PolicyLoader {

    private PolicyLoader() {
    }

    /** The outcome of loading: the policy when there were no errors, and every finding either way. */
    public record Result(LoadedPolicy loaded, List<Finding> findings) {

        public boolean ok() {
            return loaded != null;
        }

        /** The policy, or an exception whose message lists the findings. */
        public LoadedPolicy orThrow() {
            if (loaded == null) {
                throw new InvalidPolicyException(findings);
            }
            return loaded;
        }
    }

    /** Thrown when a policy that must be valid is not; the message lists every error in lint format. */
    public static final class InvalidPolicyException extends RuntimeException {
        private final transient List<Finding> findings;

        public InvalidPolicyException(List<Finding> findings) {
            super("the policy has errors:\n" + String.join("\n", findings.stream().map(Finding::format).toList()));
            this.findings = List.copyOf(findings);
        }

        public List<Finding> findings() {
            return findings;
        }
    }

    /** Loads a file; an unreadable file throws {@link IOException}. */
    public static Result load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return load(file.toString(), bytes);
    }

    public static Result load(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Finding> findings = new ArrayList<>();
        YamlNode root = new YamlTreeReader(name, findings).read(text);
        if (root == null) {
            return new Result(null, List.copyOf(findings));
        }
        PolicyBinder binder = new PolicyBinder(findings);
        Policy policy = binder.bind(root);
        if (policy == null || findings.stream().anyMatch(Finding::isError)) {
            return new Result(null, List.copyOf(findings));
        }
        SourceMap map = new SourceMap(name, java.util.Map.copyOf(binder.positions()));
        return new Result(new LoadedPolicy(policy, map, name, sha256(bytes), text), List.copyOf(findings));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
