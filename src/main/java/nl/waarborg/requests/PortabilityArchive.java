package nl.waarborg.requests;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import nl.waarborg.policy.Policy;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * The data portability archive (Art. 20(1) GDPR: "in a structured, commonly used and machine-readable format"): one zip
 * with {@code data.json} and {@code data.csv} (columns {@code source,category,location,value,collected_at}, RFC 4180),
 * holding the same items. Written as a stream with bounded memory: the JSON goes straight into the zip while the CSV
 * rows are spooled to a temporary file, encrypted with a key that lives only in memory for this call (the file holds
 * personal data; it is deleted before returning, and unreadable should it survive a crash).
 *
 * <p>Which items count is the caller's choice; {@link ProvidedData} decides it from the policy, and
 * {@link #write(AccessAnswerHeader, Policy, Iterator, OutputStream)} applies it.
 */
public final class PortabilityArchive {

    public static final String JSON_ENTRY = "data.json";
    public static final String CSV_ENTRY = "data.csv";
    static final String CSV_HEADER = "source,category,location,value,collected_at";

    private PortabilityArchive() {
    }

    /** The archive of exactly {@code items}; the stream is finished as a zip but not closed. */
    public static void write(AccessAnswerHeader h, Iterator<AnswerItem> items, OutputStream out) {
        Path spool = null;
        try {
            spool = Files.createTempFile("waarborg-portability-", ".csv.enc");
            SecretKey key = KeyGenerator.getInstance("AES").generateKey();
            byte[] iv = new byte[16];
            new SecureRandom().nextBytes(iv);
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry(JSON_ENTRY));
            try (Writer csv = new BufferedWriter(new OutputStreamWriter(new CipherOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(spool)), cipher(Cipher.ENCRYPT_MODE, key, iv)),
                    StandardCharsets.UTF_8));
                 JsonGenerator g = AccessAnswerJson.JSON.createGenerator(ObjectWriteContext.empty(), zip)) {
                csv.write(CSV_HEADER);
                csv.write("\r\n");
                g.writeStartObject();
                g.writeStringProperty("reference", h.reference());
                g.writeStringProperty("controller", h.controllerName());
                g.writeStringProperty("exportedAt", h.answeredAt().toString());
                g.writeStringProperty("article", "Art. 20 GDPR");
                g.writeArrayPropertyStart("items");
                long count = 0;
                while (items.hasNext()) {
                    AnswerItem i = items.next();
                    String collected = i.collectedAt() == null ? null : i.collectedAt().toString();
                    g.writeStartObject();
                    g.writeStringProperty("source", i.source());
                    g.writeStringProperty("category", i.category());
                    g.writeStringProperty("location", i.location());
                    g.writeStringProperty("value", i.value());
                    g.writeStringProperty("collectedAt", collected);
                    g.writeEndObject();
                    csvRow(csv, i.source(), i.category(), i.location(), i.value(), collected);
                    count++;
                }
                g.writeEndArray();
                g.writeNumberProperty("itemCount", count);
                g.writeEndObject();
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(CSV_ENTRY));
            try (InputStream in = new CipherInputStream(Files.newInputStream(spool), cipher(Cipher.DECRYPT_MODE, key, iv))) {
                in.transferTo(zip);
            }
            zip.closeEntry();
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the portability archive", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // encrypted with a key that is gone: what remains cannot be read
                }
            }
        }
    }

    /** The archive of the items the person provided, as {@link ProvidedData} decides from the policy. */
    public static void write(AccessAnswerHeader h, Policy policy, Iterator<AnswerItem> items, OutputStream out) {
        write(h, ProvidedData.of(policy).only(items), out);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
        c.init(mode, key, new IvParameterSpec(iv));
        return c;
    }

    private static void csvRow(Writer w, String... fields) throws IOException {
        for (int f = 0; f < fields.length; f++) {
            if (f > 0) {
                w.write(',');
            }
            w.write(csvField(fields[f]));
        }
        w.write("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break goes between quotes, its quotes doubled; null is empty. */
    static String csvField(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
