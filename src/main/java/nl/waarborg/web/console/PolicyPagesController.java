package nl.waarborg.web.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import nl.waarborg.documents.Doc;
import nl.waarborg.documents.DocRenderer;
import nl.waarborg.documents.LineDiff;
import nl.waarborg.documents.RegisterFormat;
import nl.waarborg.documents.RegisterRenderer;
import nl.waarborg.documents.StatementFormat;
import nl.waarborg.documents.StatementRenderer;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.policy.service.PolicyVersion;
import nl.waarborg.policy.service.PolicyVersions;
import nl.waarborg.pages.PageContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The policy in the console (docs/console.md, "Policy"): the statement and the register laid out in the console's
 * own page (the standalone HTML carries an inline style the console's content security policy forbids), the lint
 * findings, the downloads the API serves (same renderers), the stored versions and the difference between two.
 */
@Controller
class PolicyPagesController {

    /** Unchanged lines shown around each change in a difference. */
    static final int CONTEXT = 3;

    private final ActivePolicy active;
    private final PolicyVersions versions;
    private final PageContext pages;
    /** Lint findings per content hash: a policy's findings do not change while it is in force. */
    private final Cache<String, List<Finding>> findings = Caffeine.newBuilder().maximumSize(8).build();
    /** A stored version's statement as text, per version and language: versions are immutable. */
    private final Cache<String, Optional<String>> statements = Caffeine.newBuilder().maximumSize(32).build();

    PolicyPagesController(ActivePolicy active, PolicyVersions versions, PageContext pages) {
        this.active = active;
        this.versions = versions;
        this.pages = pages;
    }

    @GetMapping("/console/policy")
    String overview(HttpServletRequest request, Model model) {
        LoadedPolicy loaded = active.loaded();
        List<Finding> found = findings.get(loaded.contentHash(), h -> PolicyLint.lint(
                PolicyLoader.load(fileName(loaded.source()), loaded.text().getBytes(StandardCharsets.UTF_8))));
        long errors = found.stream().filter(Finding::isError).count();
        model.addAttribute("page", pages.page(request, "policy.title").inSection("policy"));
        model.addAttribute("overview", new PolicyPages.Overview(active.version(), found, errors, found.size() - errors,
                RegisterRenderer.hasProcessorRegister(loaded.policy())));
        return "policy/overview";
    }

    private static String fileName(String source) {
        if (source == null || source.isBlank()) {
            return "policy.yaml";
        }
        String s = source.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    @GetMapping("/console/policy/statement")
    String statement(HttpServletRequest request, Model model) {
        Doc doc = StatementRenderer.document(active.policy(), PageContext.lang(request));
        return document(request, model, doc, "statement");
    }

    @GetMapping("/console/policy/register")
    String register(HttpServletRequest request, Model model) {
        Doc doc = RegisterRenderer.document(active.policy(), PageContext.lang(request));
        return document(request, model, doc, "register");
    }

    private String document(HttpServletRequest request, Model model, Doc doc, String kind) {
        model.addAttribute("page", pages.page(request, "policy.document.title", "title", doc.title()).inSection("policy"));
        model.addAttribute("doc", new PolicyPages.Document(DocRenderer.htmlFragment(doc), kind));
        return "policy/document";
    }

    /** The downloads, from the renderers the API uses, in the page's language. */
    @GetMapping("/console/policy/downloads/{name}")
    ResponseEntity<byte[]> download(HttpServletRequest request, @PathVariable String name) {
        Lang lang = PageContext.lang(request);
        var policy = active.policy();
        String version = active.version().statementVersion();
        byte[] body;
        String type;
        switch (name) {
            case "statement.pdf" -> {
                body = StatementRenderer.render(policy, lang, StatementFormat.PDF);
                type = StatementFormat.PDF.mediaType();
            }
            case "register.csv", "register.xlsx", "register.jsonld" -> {
                RegisterFormat f = RegisterFormat.parse(name.substring(name.indexOf('.') + 1));
                body = RegisterRenderer.render(policy, f, lang);
                type = f.mediaType();
            }
            case "register-processor.csv", "register-processor.xlsx", "register-processor.jsonld" -> {
                if (!RegisterRenderer.hasProcessorRegister(policy)) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                RegisterFormat f = RegisterFormat.parse(name.substring(name.indexOf('.') + 1));
                body = RegisterRenderer.renderProcessor(policy, f, lang);
                type = f.mediaType();
            }
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        int dot = name.indexOf('.');
        String file = name.substring(0, dot) + "-" + version + "-" + lang.code() + name.substring(dot);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .body(body);
    }

    @GetMapping("/console/policy/versions")
    String versions(HttpServletRequest request, Model model) {
        List<PolicyVersion> all = versions.history();
        long to = all.isEmpty() ? 0 : all.get(0).id();
        long from = all.size() < 2 ? to : all.get(1).id();
        model.addAttribute("page", pages.page(request, "policy.versions.title").inSection("policy"));
        model.addAttribute("list", new PolicyPages.Versions(all, from, to, null));
        return "policy/versions";
    }

    @GetMapping("/console/policy/diff")
    String diff(HttpServletRequest request, HttpServletResponse response, Model model,
                @RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "0") long to) {
        List<PolicyVersion> all = versions.history();
        Optional<PolicyVersion> a = all.stream().filter(v -> v.id() == from).findFirst();
        Optional<PolicyVersion> b = all.stream().filter(v -> v.id() == to).findFirst();
        if (a.isEmpty() || b.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("page", pages.page(request, "policy.versions.title").inSection("policy"));
            model.addAttribute("list", new PolicyPages.Versions(all, from, to, "policy.diff.no-such-version"));
            return "policy/versions";
        }
        Lang lang = PageContext.lang(request);
        Optional<String> oldStatement = statementText(from, lang);
        Optional<String> newStatement = statementText(to, lang);
        PolicyPages.Section statement = oldStatement.isPresent() && newStatement.isPresent()
                ? section("policy.diff.statement", oldStatement.get(), newStatement.get())
                : new PolicyPages.Section("policy.diff.statement", false, List.of(), 0, 0);
        PolicyPages.Section yaml = section("policy.diff.yaml", versions.content(from).orElse(""),
                versions.content(to).orElse(""));
        model.addAttribute("page", pages.page(request, "policy.diff.title", "from", a.get().statementVersion(),
                "to", b.get().statementVersion()).inSection("policy"));
        model.addAttribute("diff", new PolicyPages.Diff(a.get(), b.get(), List.of(statement, yaml)));
        return "policy/diff";
    }

    private static PolicyPages.Section section(String key, String oldText, String newText) {
        List<LineDiff.Line> lines = LineDiff.of(oldText, newText);
        return new PolicyPages.Section(key, true, LineDiff.hunks(lines, CONTEXT), LineDiff.count(lines, LineDiff.Kind.ADDED),
                LineDiff.count(lines, LineDiff.Kind.REMOVED));
    }

    /** The statement of a stored version as Markdown text, or empty when this release cannot read that version. */
    private Optional<String> statementText(long id, Lang lang) {
        return statements.get(id + "|" + lang.code(), k -> versions.content(id).flatMap(text -> {
            PolicyLoader.Result r = PolicyLoader.load("policy-" + id + ".yaml", text.getBytes(StandardCharsets.UTF_8));
            if (!r.ok()) {
                return Optional.empty();
            }
            return Optional.of(new String(StatementRenderer.render(r.loaded().policy(), lang, StatementFormat.MD),
                    StandardCharsets.UTF_8));
        }));
    }
}
