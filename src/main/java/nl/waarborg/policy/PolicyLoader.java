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
import nl.waarborg.policy.internal.Utf8Check;
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

    /**
     * The largest policy file read, in bytes. The largest example is 36 KB; a limit well above any real policy
     * keeps a stray or hostile file (one 50 MB string) from costing the service or `lint` its memory.
     */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * Findings of these rules mean the file could not be read as a policy at all (too large, not UTF-8):
     * `waarborg lint` exits 2 for them, as for a file it cannot open.
     */
    public static final java.util.Set<String> UNREADABLE = java.util.Set.of("policy-too-large", "encoding");

    /** Whether the findings say the input was unreadable rather than a policy with errors. */
    public static boolean unreadable(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.isError() && UNREADABLE.contains(f.rule()));
    }

    /** Loads a file; an unreadable file throws {@link IOException}. A file over {@link #MAX_BYTES} is not read. */
    public static Result load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return new Result(null, List.of(tooLarge(file.toString(), size)));
        }
        byte[] bytes = Files.readAllBytes(file);
        return load(file.toString(), bytes);
    }

    public static Result load(String name, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return new Result(null, List.of(tooLarge(name, bytes.length)));
        }
        Finding badEncoding = Utf8Check.firstError(name, bytes);
        if (badEncoding != null) {
            return new Result(null, List.of(badEncoding));
        }
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

    private static Finding tooLarge(String name, long size) {
        return Finding.error(Position.start(name), "policy-too-large", "the file is " + size + " bytes; a policy file is "
                + "at most " + MAX_BYTES + " bytes (1 MiB). Is this the policy you meant?");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
