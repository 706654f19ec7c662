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

/** Dutch. */
final class PhrasesNl extends BundlePhrases {

    static final PhrasesNl INSTANCE = new PhrasesNl();

    private PhrasesNl() {
        super(Lang.NL);
    }

    @Override
    public String duration(long n, char unit) {
        return n + " " + switch (unit) {
            case 'Y' -> "jaar";
            case 'M' -> n == 1 ? "maand" : "maanden";
            case 'W' -> n == 1 ? "week" : "weken";
            case 'D' -> n == 1 ? "dag" : "dagen";
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    // ---- statement -----------------------------------------------------------------------------

    // ---- who we are ----------------------------------------------------------------------------

    @Override
    public String dpo(String name) {
        return (name == null || name.isBlank() ? "Wij hebben een functionaris gegevensbescherming (FG)."
                : "Onze functionaris gegevensbescherming (FG) is " + name + ".")
                + " De FG let er binnen onze organisatie op dat wij zorgvuldig met uw gegevens omgaan. "
                + "U kunt de FG ook zelf benaderen:";
    }

    // ---- data ----------------------------------------------------------------------------------

    // ---- sources -------------------------------------------------------------------------------

    // ---- purposes ------------------------------------------------------------------------------

    @Override
    public String basisArticle(LegalBasis basis) {
        return "art. 6 lid 1 onder " + letter(basis) + " AVG";
    }

    static char letter(LegalBasis basis) {
        return switch (basis) {
            case CONSENT -> 'a';
            case CONTRACT -> 'b';
            case LEGAL_OBLIGATION -> 'c';
            case VITAL_INTEREST -> 'd';
            case PUBLIC_TASK -> 'e';
            case LEGITIMATE_INTEREST -> 'f';
        };
    }

    @Override
    public String ourInterest(String interest) {
        // a policy that already writes "ons belang ..." is not prefixed twice
        return interest.strip().toLowerCase(locale()).startsWith("ons belang") ? interest : "Ons belang: " + interest;
    }

    // ---- retention -----------------------------------------------------------------------------

    @Override
    public String dataForPurposes(List<String> purposes) {
        return "Gegevens " + forPurposes(purposes);
    }

    @Override
    public String forPurposes(List<String> purposes) {
        List<String> quoted = purposes.stream().map(x -> "‘" + x + "’").toList();
        return (quoted.size() == 1 ? "voor het doel " : "voor de doelen ") + list(quoted);
    }

    @Override
    public String startLatest(List<String> events) {
        return "na " + list(events) + ", wat het laatst gebeurt";
    }

    @Override
    public String anchorLatest(List<String> events) {
        return list(events) + ", wat het laatst gebeurt";
    }

    @Override
    public String rounded(nl.waarborg.policy.CalendarRounding round, String anchor) {
        String unit = switch (round.unit()) {
            case YEAR -> "het jaar";
            case QUARTER -> "het kwartaal";
            case MONTH -> "de maand";
        };
        String of = unit + " van " + anchor;
        String which = round.next() ? unit + " na " + of : of;
        if (round.toEnd()) {
            return "het einde van " + which;
        }
        return switch (round.unit()) {
            case YEAR -> "1 januari " + (round.next() ? "na " : "van ") + of;
            case QUARTER -> "het begin van " + which;
            case MONTH -> "de eerste dag van " + which;
        };
    }

    @Override
    public String untilLatest(List<String> events) {
        return "tot " + list(events) + ", wat het laatst gebeurt";
    }

    @Override
    public String hold(HoldKind kind, String max) {
        return switch (kind) {
            case INCIDENT -> max == null ? "zolang een incident dat nodig maakt" : "tot " + max + " als zich een incident heeft voorgedaan";
            case LEGAL_CLAIM -> max == null ? "zolang een juridisch geschil loopt" : "tot " + max + " zolang een juridisch geschil loopt";
            case COMPLAINT -> max == null ? "zolang we een klacht behandelen" : "tot " + max + " zolang we een klacht behandelen";
        };
    }

    @Override
    public String superseded(List<String> subjectCategories) {
        return "Geldt niet meer zodra u hoort bij: " + alternatives(subjectCategories) + ".";
    }

    @Override
    public String noLongerAppliesOnJoining(List<String> subjectCategories) {
        List<String> quoted = subjectCategories.stream().map(x -> "‘" + x + "’").toList();
        return "Hoort u daarna bij " + (quoted.size() == 1 ? "de groep " : "de groepen ") + alternatives(quoted)
                + ", dan geldt deze termijn niet meer.";
    }

    @Override
    public String whileConsent(String purpose, boolean orAnonymised) {
        return "Alleen als u toestemming geeft voor het doel ‘" + purpose + "’. Na de gewone termijn gebruiken wij de gegevens "
                + "alleen nog daarvoor. U kunt uw toestemming altijd intrekken. Dan stopt deze termijn en geldt alleen "
                + "de gewone termijn. Is die al voorbij, dan " + (orAnonymised ? "verwijderen of anonimiseren" : "verwijderen")
                + " wij de gegevens meteen.";
    }

    // ---- recipients and transfers --------------------------------------------------------------

    // ---- automated -----------------------------------------------------------------------------

    @Override
    public String profilingObjection(boolean alwaysStops) {
        return alwaysStops ? "U kunt daar op elk moment bezwaar tegen maken; dan stoppen wij ermee."
                : "U kunt daar bezwaar tegen maken (zie ‘Uw rechten’).";
    }

    // ---- rights --------------------------------------------------------------------------------

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public String channel(Channel c, String detail) {
        return switch (c) {
            case EMAIL -> "per e-mail aan " + detail;
            case WEB -> detail == null ? "via onze website" : "via onze website: " + detail;
            case POST -> "per post aan " + detail;
            case IN_PERSON -> "persoonlijk, op " + detail;
            case PHONE -> "telefonisch via " + detail;
        };
    }

    @Override
    public String refusal(String authority, boolean extension) {
        return "Voeren wij een verzoek niet of niet helemaal uit, dan laten wij u binnen de termijn weten waarom. "
                + "Bent u het daar" + (extension ? ", of met een verlenging," : "") + " niet mee eens, dan kunt u een "
                + "klacht indienen bij " + (authority == null ? "de toezichthouder" : "de " + authority)
                + " of naar de rechter stappen.";
    }

    // ---- complaints ----------------------------------------------------------------------------

    @Override
    public String cookieAndMarketingSupervisors(boolean cookies, boolean marketing) {
        String about = cookies && marketing
                ? "over cookies en de persoonsgegevens die daarmee worden verzameld, of over het gebruik van uw gegevens "
                        + "voor direct marketing,"
                : cookies ? "over cookies en de persoonsgegevens die daarmee worden verzameld"
                : "over het gebruik van uw gegevens voor direct marketing";
        String rules = cookies && marketing
                ? "het plaatsen van cookies (artikel 11.7a) en over ongevraagde reclame per e-mail, sms of telefoon (artikel 11.7)"
                : cookies ? "het plaatsen van cookies (artikel 11.7a)"
                : "ongevraagde reclame per e-mail, sms of telefoon (artikel 11.7)";
        return "Een klacht " + about + " kunt u indienen bij de Autoriteit Persoonsgegevens. De Autoriteit Consument & Markt "
                + "(ACM) houdt toezicht op de regels van de Telecommunicatiewet over " + rules + ".";
    }

    // ---- security ------------------------------------------------------------------------------

    @Override
    public String rolesOfPurpose(String purpose, List<String> roles) {
        return purpose + ": " + list(roles) + ".";
    }

    @Override
    public String dataCentres(String countries, boolean allInEea) {
        return "Wij slaan uw gegevens op in datacentra in " + countries
                + (allInEea ? ", binnen de Europese Economische Ruimte (EER)." : ".");
    }

    // ---- minors --------------------------------------------------------------------------------

    // ---- versions ------------------------------------------------------------------------------

    @Override
    public String currentVersion(String version, String date) {
        return "Dit is versie " + version + " van deze privacyverklaring" + (date.isEmpty() ? "." : ", geldig vanaf " + date + ".");
    }

    @Override
    public String previousVersion(String version, String date) {
        return "versie " + version + (date.isEmpty() ? "" : ", geldig vanaf " + date);
    }

    // ---- register ------------------------------------------------------------------------------

    @Override
    public String registerIntro(String version, String date) {
        return "Register volgens artikel 30 lid 1 AVG, afgeleid uit het privacybeleid versie " + version
                + (date.isEmpty() ? "" : " van " + date) + ". Eén regel per verwerkingsdoel.";
    }

    @Override
    public String processorRegisterIntro(String version, String date) {
        return "Register volgens artikel 30 lid 2 AVG, afgeleid uit het privacybeleid versie " + version
                + (date.isEmpty() ? "" : " van " + date) + ". Eén regel per verwerkingsverantwoordelijke voor wie wij verwerken.";
    }

    @Override
    public String regArt9(Art9Condition c) {
        String name = switch (c) {
            case EXPLICIT_CONSENT -> "uitdrukkelijke toestemming";
            case EMPLOYMENT -> "arbeidsrecht, sociale zekerheid en sociale bescherming";
            case VITAL_INTERESTS -> "vitaal belang van iemand die geen toestemming kan geven";
            case NON_PROFIT -> "leden en vaste contacten van een organisatie zonder winstoogmerk";
            case MADE_PUBLIC -> "door de betrokkene zelf kennelijk openbaar gemaakt";
            case LEGAL_CLAIMS -> "rechtsvorderingen";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "zwaarwegend algemeen belang";
            case HEALTH_CARE -> "gezondheidszorg of sociale diensten";
            case PUBLIC_HEALTH -> "volksgezondheid";
            case ARCHIVING_RESEARCH -> "archivering in het algemeen belang, wetenschappelijk of historisch onderzoek of statistiek";
        };
        return "art. 9 lid 2 onder " + c.letter() + " AVG (" + name + ")";
    }

    @Override
    public String regInterest(String interest) {
        // a policy that already writes "ons belang ..." is not labelled twice
        return interest.strip().toLowerCase(locale()).startsWith("ons belang") ? interest : "Belang: " + interest;
    }

}
