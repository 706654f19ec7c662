package nl.waarborg.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.waarborg.documents.RegisterFormat;
import nl.waarborg.documents.RegisterRenderer;
import nl.waarborg.policy.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `waarborg register POLICY --format csv|xlsx|html|jsonld [--lang nl|en] [--processor] [-o FILE]`: the Art. 30(1)
 * record of processing activities, or with --processor the processor's record of Art. 30(2) (the policy's
 * as-processor section). Exit 0 written, 1 the policy has errors or, with --processor, declares no as-processor
 * activities, 2 unreadable policy or unwritable output.
 */
@Command(name = "register", description = "Render the Art. 30 record of processing activities of a policy.")
final class RegisterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "POLICY", description = "the policy file")
    Path policy;

    @Option(names = "--format", required = true, paramLabel = "csv|xlsx|html|jsonld",
            converter = DocumentOutput.RegisterFormatConverter.class, description = "csv, xlsx, html or jsonld")
    RegisterFormat format;

    @Option(names = "--lang", paramLabel = "nl|en", converter = DocumentOutput.LangConverter.class,
            description = "language of headings and texts; default: the policy's first language")
    Lang lang;

    @Option(names = "--processor",
            description = "the processor's record (Art. 30(2)) of what the policy's as-processor section declares")
    boolean processor;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    /** Where the document goes without -o; raw bytes, so a spreadsheet survives. Replaceable in tests. */
    OutputStream stdout = System.out;

    @Override
    public Integer call() {
        return DocumentOutput.run(policy, output, stdout, spec.commandLine().getErr(), p -> {
            if (processor && !RegisterRenderer.hasProcessorRegister(p)) {
                throw new DocumentOutput.NothingToRender("declares no as-processor activities, so there is no "
                        + "processor's register (Art. 30(2) GDPR) to render; declare them in an as-processor section "
                        + "(docs/policy-format.md, 4.20)");
            }
            if (lang == null) {
                return processor ? RegisterRenderer.renderProcessor(p, format) : RegisterRenderer.render(p, format);
            }
            DocumentOutput.warnIfUnpublished(p, lang, spec.commandLine().getErr());
            return processor ? RegisterRenderer.renderProcessor(p, format, lang) : RegisterRenderer.render(p, format, lang);
        });
    }
}
