package nl.waarborg.accounts.service;

import java.net.URI;
import nl.waarborg.input.ApiException;
import org.springframework.http.HttpStatus;

/** An account action that conflicts with what is stored (409): a username taken, TOTP already on, the last administrator. */
public class AccountConflictException extends ApiException {

    public static final URI TYPE = URI.create("urn:waarborg:problem:account-conflict");

    AccountConflictException(String reason, String detail) {
        super(HttpStatus.CONFLICT, TYPE, "Account conflict", detail);
        getBody().setProperty("reason", reason);
    }
}
