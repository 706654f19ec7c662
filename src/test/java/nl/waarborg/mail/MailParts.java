package nl.waarborg.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What tests read of the mail an in-process SMTP server (GreenMail) received. */
public final class MailParts {

    private MailParts() {
    }

    /** The decoded text of the first part of {@code type} ("text/plain", "text/html"), however deep it is nested. */
    public static String text(Part p, String type) throws Exception {
        String found = textOrNull(p, type);
        if (found == null) {
            throw new AssertionError("no " + type + " part");
        }
        return found;
    }

    private static String textOrNull(Part p, String type) throws Exception {
        if (p.isMimeType(type)) {
            return (String) p.getContent();
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String found = textOrNull(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The one mail {@code server} received (waiting up to {@code millis} for it); fails on none or more. */
    public static MimeMessage only(GreenMail server, long millis) {
        assertThat(server.waitForIncomingEmail(millis, 1)).as("a mail arrives").isTrue();
        MimeMessage[] all = server.getReceivedMessages();
        assertThat(all).hasSize(1);
        return all[0];
    }
}
