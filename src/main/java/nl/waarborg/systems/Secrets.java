package nl.waarborg.systems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.Policy.Setting;

/**
 * Reads the connection settings a policy names: a value, an environment variable, or a file in the data folder that
 * only the service's user may read (a file other users can read, or a link, is refused: another Unix user on the
 * machine must not read the CRM's password). Errors name the system and the setting's source, never its value.
 */
public final class Secrets {

    private final Path dataFolder;
    private final Map<String, String> environment;

    public Secrets(Path dataFolder, Map<String, String> environment) {
        this.dataFolder = dataFolder;
        this.environment = environment;
    }

    /**
     * The process's environment, overlaid with the variables of {@code settingsFile} when one is given
     * ({@code waarborg.systems.settings-file}: a properties file, owner-only, as the demo's CRM settings in
     * {@code <data>/demo-crm}); a file others may read, or that cannot be read, is refused without its content.
     */
    public static Map<String, String> environment(String settingsFile) {
        if (settingsFile == null || settingsFile.isBlank()) {
            return System.getenv();
        }
        return overlay(System.getenv(), Path.of(settingsFile));
    }

    /** {@code base} with the variables of the owner-only properties file {@code file} over it. */
    public static Map<String, String> overlay(Map<String, String> base, Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("waarborg.systems.settings-file " + file + " does not exist (or is a link)");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IllegalStateException("waarborg.systems.settings-file " + file + " may be read by other users; "
                        + "make it readable by the service's user only (chmod 600)");
            }
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            Map<String, String> merged = new java.util.HashMap<>(base);
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k)));
            return Map.copyOf(merged);
        } catch (IOException e) {
            throw new IllegalStateException("waarborg.systems.settings-file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** The setting's value; a {@link SecretUnavailableException} naming {@code system} and where it looked. */
    public String read(String system, String what, Setting setting) {
        if (setting == null) {
            throw new SecretUnavailableException(system, what + " is not set in the policy");
        }
        if (setting.value() != null) {
            return setting.value();
        }
        if (setting.env() != null) {
            String v = environment.get(setting.env());
            if (v == null || v.isEmpty()) {
                throw new SecretUnavailableException(system, what + ": environment variable " + setting.env() + " is not set");
            }
            return v;
        }
        Path file = dataFolder.resolve(setting.file()).normalize();
        if (!file.startsWith(dataFolder.normalize())) {
            throw new SecretUnavailableException(system, what + ": file " + setting.file() + " is outside the data folder");
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new SecretUnavailableException(system, what + ": file " + setting.file() + " does not exist (or is a link)");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new SecretUnavailableException(system, what + ": file " + setting.file() + " may be read or changed "
                        + "by other users; make it readable by the service's user only (chmod 600)");
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new SecretUnavailableException(system, what + ": file " + setting.file() + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A setting could not be read; the message names the system and the source, never a value. */
    public static final class SecretUnavailableException extends RuntimeException {

        private final String system;

        public SecretUnavailableException(String system, String message) {
            super("system `" + system + "`: " + message);
            this.system = system;
        }

        public String system() {
            return system;
        }
    }
}
