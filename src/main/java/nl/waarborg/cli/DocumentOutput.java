package nl.waarborg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import nl.waarborg.documents.RegisterFormat;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import picocli.CommandLine.ITypeConverter;

/**
 * What `statement` and `register` share: load and lint the policy (refusing one with errors), render,
 * and write the bytes to a file or to standard output.
 */
final class DocumentOutput {

    private DocumentOutput() {
    }

    /**
     * Renders {@code file} with {@code render} into {@code output} (or {@code stdout} when null). Exit code
     * 0 when written, 1 when the policy has errors (listed on {@code err}), 2 when the policy cannot be read
     * or the output cannot be written.
     */
    static int run(Path file, Path output, OutputStream stdout, PrintWriter err, Function<Policy, byte[]> render) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": cannot read: no such file");
            err.flush();
            return WaarborgCommand.UNREADABLE;
        }
        PolicyLoader.Result loaded;
        try {
            loaded = PolicyLoader.load(file);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            err.flush();
            return WaarborgCommand.UNREADABLE;
        }
        List<Finding> errors = PolicyLint.lint(loaded).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty() || !loaded.ok()) {
            errors.forEach(f -> err.println(f.format()));
            err.println("waarborg: " + file + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; fix them before rendering documents from it");
            err.flush();
            return 1;
        }
        byte[] bytes;
        try {
            bytes = render.apply(loaded.loaded().policy());
        } catch (NothingToRender e) {
            err.println("waarborg: " + file + " " + e.getMessage());
            err.flush();
            return 1;
        }
        try {
            if (output == null) {
                stdout.write(bytes);
                stdout.flush();
            } else {
                write(output, bytes);
            }
        } catch (IOException e) {
            err.println((output == null ? "standard output" : output.toString()) + ": cannot write: " + e.getMessage());
            err.flush();
            return WaarborgCommand.UNREADABLE;
        }
        return 0;
    }

    /** Writes through a temporary file beside the target, so a failed run never leaves half a document. */
    private static void write(Path output, byte[] bytes) throws IOException {
        Path absolute = output.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Thrown by a renderer when the policy lacks what the document is made of (the processor's register of a
     * policy without as-processor activities): exit 1 with the message after the file's name, nothing written.
     */
    static final class NothingToRender extends RuntimeException {
        NothingToRender(String message) {
            super(message);
        }
    }

    /** Warns when the policy is not published in the language asked for (its texts then fall back). */
    static void warnIfUnpublished(Policy policy, Lang lang, PrintWriter err) {
        if (policy.statement() != null && !policy.statement().languages().contains(lang)) {
            err.println("waarborg: warning: the policy is not published in " + lang.code()
                    + "; its own texts fall back to " + policy.statement().languages().get(0).code());
            err.flush();
        }
    }

    static final class LangConverter implements ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            return Lang.parse(value);
        }
    }

    static final class StatementFormatConverter implements ITypeConverter<StatementFormat> {
        @Override
        public StatementFormat convert(String value) {
            return StatementFormat.parse(value);
        }
    }

    static final class RegisterFormatConverter implements ITypeConverter<RegisterFormat> {
        @Override
        public RegisterFormat convert(String value) {
            return RegisterFormat.parse(value);
        }
    }
}
