package nl.waarborg.documents;

import java.util.List;
import java.util.Locale;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.Channel;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.Safeguard;
import nl.waarborg.policy.TransferStance;

/** English. */
final class PhrasesEn extends BundlePhrases {

    static final PhrasesEn INSTANCE = new PhrasesEn();

    private PhrasesEn() {
        super(Lang.EN);
    }

    @Override
    public String duration(long n, char unit) {
        String word = switch (unit) {
            case 'Y' -> "year";
            case 'M' -> "month";
            case 'W' -> "week";
            case 'D' -> "day";
            default -> throw new IllegalArgumentException("unit " + unit);
        };
        return n + " " + word + (n == 1 ? "" : "s");
    }

    // ---- statement -----------------------------------------------------------------------------

    // ---- who we are ----------------------------------------------------------------------------

    @Override
    public String dpo(String name) {
        return (name == null || name.isBlank() ? "We have a data protection officer (DPO)."
                : "Our data protection officer (DPO) is " + name + ".")
                + " The DPO checks within our organisation that we handle your data with care. "
                + "You can also contact the DPO yourself:";
    }

    // ---- data ----------------------------------------------------------------------------------

    // ---- sources -------------------------------------------------------------------------------

    // ---- purposes ------------------------------------------------------------------------------

    @Override
    public String basisArticle(LegalBasis basis) {
        return "Art. 6(1)(" + PhrasesNl.letter(basis) + ") GDPR";
    }

    @Override
    public String ourInterest(String interest) {
        // a policy that already writes "our interest ..." is not prefixed twice
        return interest.strip().toLowerCase(locale()).startsWith("our interest") ? interest : "Our interest: " + interest;
    }

    // ---- retention -----------------------------------------------------------------------------

    @Override
    public String dataForPurposes(List<String> purposes) {
        return "Data " + forPurposes(purposes);
    }

    @Override
    public String forPurposes(List<String> purposes) {
        List<String> quoted = purposes.stream().map(x -> "‘" + x + "’").toList();
        return (quoted.size() == 1 ? "for the purpose " : "for the purposes ") + list(quoted);
    }

    @Override
    public String startLatest(List<String> events) {
        return "after " + list(events) + ", whichever comes last";
    }

    @Override
    public String anchorLatest(List<String> events) {
        return list(events) + ", whichever comes last";
    }

    @Override
    public String rounded(nl.waarborg.policy.CalendarRounding round, String anchor) {
        String unit = switch (round.unit()) {
            case YEAR -> "the year";
            case QUARTER -> "the quarter";
            case MONTH -> "the month";
        };
        String of = unit + " of " + anchor;
        String which = round.next() ? unit + " after " + of : of;
        if (round.toEnd()) {
            return "the end of " + which;
        }
        return switch (round.unit()) {
            case YEAR -> "1 January " + (round.next() ? "after " : "of ") + of;
            case QUARTER -> "the start of " + which;
            case MONTH -> "the first day of " + which;
        };
    }

    @Override
    public String untilLatest(List<String> events) {
        return "until " + list(events) + ", whichever comes last";
    }

    @Override
    public String hold(HoldKind kind, String max) {
        return switch (kind) {
            case INCIDENT -> max == null ? "as long as an incident requires" : "up to " + max + " when an incident occurred";
            case LEGAL_CLAIM -> max == null ? "while a legal dispute is ongoing" : "up to " + max + " while a legal dispute is ongoing";
            case COMPLAINT -> max == null ? "while a complaint is being handled" : "up to " + max + " while a complaint is being handled";
        };
    }

    @Override
    public String superseded(List<String> subjectCategories) {
        return "No longer applies once you belong to: " + alternatives(subjectCategories) + ".";
    }

    @Override
    public String noLongerAppliesOnJoining(List<String> subjectCategories) {
        List<String> quoted = subjectCategories.stream().map(x -> "‘" + x + "’").toList();
        return "If you later join " + (quoted.size() == 1 ? "the group " : "the groups ") + alternatives(quoted)
                + ", this period no longer applies.";
    }

    @Override
    public String whileConsent(String purpose, boolean orAnonymised) {
        return "Only if you give consent for the purpose ‘" + purpose + "’. After the ordinary period we use the data only for that. "
                + "You can withdraw your consent at any time. This period then ends and only the ordinary period applies. "
                + "If that has passed, we " + (orAnonymised ? "delete or anonymise" : "delete") + " the data straight away.";
    }

    // ---- recipients and transfers --------------------------------------------------------------

    // ---- automated -----------------------------------------------------------------------------

    @Override
    public String profilingObjection(boolean alwaysStops) {
        return alwaysStops ? "You can object to this at any time; we will then stop."
                : "You can object to this (see ‘Your rights’).";
    }

    // ---- rights --------------------------------------------------------------------------------

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public String channel(Channel c, String detail) {
        return switch (c) {
            case EMAIL -> "by e-mail to " + detail;
            case WEB -> detail == null ? "through our website" : "through our website: " + detail;
            case POST -> "by post to " + detail;
            case IN_PERSON -> "in person, at " + detail;
            case PHONE -> "by phone on " + detail;
        };
    }

    @Override
    public String refusal(String authority, boolean extension) {
        return "If we do not act on a request, or only in part, we tell you why within that period. If you disagree "
                + "with that" + (extension ? ", or with an extension" : "") + ", you can complain to "
                + (authority == null ? "the supervisory authority" : "the " + authority) + " or go to court.";
    }

    // ---- complaints ----------------------------------------------------------------------------

    @Override
    public String cookieAndMarketingSupervisors(boolean cookies, boolean marketing) {
        String about = cookies && marketing
                ? "about cookies and the personal data collected with them, or about the use of your data for direct marketing,"
                : cookies ? "about cookies and the personal data collected with them"
                : "about the use of your data for direct marketing";
        String rules = cookies && marketing
                ? "placing cookies (article 11.7a) and on unsolicited marketing by e-mail, text message or phone (article 11.7)"
                : cookies ? "placing cookies (article 11.7a)"
                : "unsolicited marketing by e-mail, text message or phone (article 11.7)";
        return "A complaint " + about + " goes to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens). "
                + "The Netherlands Authority for Consumers and Markets (ACM) supervises the rules of the Dutch "
                + "Telecommunications Act on " + rules + ".";
    }

    // ---- security ------------------------------------------------------------------------------

    @Override
    public String rolesOfPurpose(String purpose, List<String> roles) {
        return purpose + ": " + list(roles) + ".";
    }

    @Override
    public String dataCentres(String countries, boolean allInEea) {
        return "We store your data in data centres in " + countries
                + (allInEea ? ", inside the European Economic Area (EEA)." : ".");
    }

    // ---- minors --------------------------------------------------------------------------------

    // ---- versions ------------------------------------------------------------------------------

    @Override
    public String currentVersion(String version, String date) {
        return "This is version " + version + " of this privacy statement" + (date.isEmpty() ? "." : ", in effect from " + date + ".");
    }

    @Override
    public String previousVersion(String version, String date) {
        return "version " + version + (date.isEmpty() ? "" : ", in effect from " + date);
    }

    // ---- register ------------------------------------------------------------------------------

    @Override
    public String registerIntro(String version, String date) {
        return "Record under Article 30(1) GDPR, derived from privacy policy version " + version
                + (date.isEmpty() ? "" : " of " + date) + ". One row per purpose.";
    }

    @Override
    public String processorRegisterIntro(String version, String date) {
        return "Record under Article 30(2) GDPR, derived from privacy policy version " + version
                + (date.isEmpty() ? "" : " of " + date) + ". One row per controller on whose behalf we act.";
    }

    @Override
    public String regArt9(Art9Condition c) {
        String name = switch (c) {
            case EXPLICIT_CONSENT -> "explicit consent";
            case EMPLOYMENT -> "employment, social security and social protection law";
            case VITAL_INTERESTS -> "vital interests of a person unable to give consent";
            case NON_PROFIT -> "members and regular contacts of a not-for-profit body";
            case MADE_PUBLIC -> "manifestly made public by the data subject";
            case LEGAL_CLAIMS -> "legal claims";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "substantial public interest";
            case HEALTH_CARE -> "health or social care";
            case PUBLIC_HEALTH -> "public health";
            case ARCHIVING_RESEARCH -> "archiving in the public interest, scientific or historical research, or statistics";
        };
        return "Art. 9(2)(" + c.letter() + ") GDPR (" + name + ")";
    }

    @Override
    public String regInterest(String interest) {
        // a policy that already writes "our interest ..." is not labelled twice
        return interest.strip().toLowerCase(locale()).startsWith("our interest") ? interest : "Interest: " + interest;
    }

}
