package nl.waarborg.accounts.web;

import java.util.List;

/**
 * The account's passkeys page.
 *
 * @param rows   one per passkey, oldest first
 * @param notice a bundle key of what just happened ({@code signin.passkeys.added} …), or null
 */
public record PasskeysView(List<Row> rows, String notice) {

    /** One passkey: its id (base64url, for the remove form), the person's label, when made and last used. */
    public record Row(String id, String label, String created, String lastUsed) {
    }
}
