package nl.waarborg.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The passwords of the embedded cluster's three roles, random, each in an owner-only file in
 * {@code <data>/secrets/}: the bootstrap superuser (used only to create and upgrade the cluster), the service's
 * role and the key store's role. The socket folder already keeps other users out; the passwords keep a process
 * that reaches the socket anyway (another service of the same user, a bug) to the role it was given.
 */
record ClusterSecrets(String superuser, String service, String keys) {

    static final String FOLDER = "secrets";
    private static final String SUPERUSER = "postgres-superuser";
    private static final String SERVICE = "postgres-service";
    private static final String KEYS = "postgres-keys";

    /** The folder's secrets, made on first use. */
    static ClusterSecrets openOrCreate(Path data) throws IOException {
        Path dir = OwnerOnly.directory(data.resolve(FOLDER));
        return new ClusterSecrets(readOrCreate(dir.resolve(SUPERUSER)), readOrCreate(dir.resolve(SERVICE)),
                readOrCreate(dir.resolve(KEYS)));
    }

    /** The folder's secrets as a running service wrote them; for commands that attach to that service's cluster. */
    static ClusterSecrets read(Path data) throws IOException {
        Path dir = data.resolve(FOLDER);
        return new ClusterSecrets(Files.readString(dir.resolve(SUPERUSER)).strip(),
                Files.readString(dir.resolve(SERVICE)).strip(), Files.readString(dir.resolve(KEYS)).strip());
    }

    /** The superuser's password file, as initdb's --pwfile reads it. */
    static Path superuserFile(Path data) {
        return data.resolve(FOLDER).resolve(SUPERUSER);
    }

    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            OwnerOnly.write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
        }
        return Files.readString(file).strip();
    }

    @Override
    public String toString() { // never a password
        return "ClusterSecrets[3 passwords]";
    }
}
