package nl.waarborg.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.policy.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `waarborg statement POLICY --lang nl|en --format md|html|pdf [-o FILE]`: the public privacy statement.
 * Exit 0 written, 1 the policy has errors (refused, errors on stderr), 2 unreadable policy or unwritable output.
 */
@Command(name = "statement", description = "Render the privacy statement of a policy as Markdown, HTML or PDF.")
final class StatementCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "POLICY", description = "the policy file")
    Path policy;

    @Option(names = "--lang", required = true, paramLabel = "nl|en", converter = DocumentOutput.LangConverter.class,
            description = "language of the statement: nl or en")
    Lang lang;

    @Option(names = "--format", required = true, paramLabel = "md|html|pdf",
            converter = DocumentOutput.StatementFormatConverter.class, description = "md, html or pdf")
    StatementFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    /** Where the document goes without -o; raw bytes, so a PDF survives. Replaceable in tests. */
    OutputStream stdout = System.out;

    @Override
    public Integer call() {
        return DocumentOutput.run(policy, output, stdout, spec.commandLine().getErr(), p -> {
            DocumentOutput.warnIfUnpublished(p, lang, spec.commandLine().getErr());
            return StatementRenderer.render(p, lang, format);
        });
    }
}
