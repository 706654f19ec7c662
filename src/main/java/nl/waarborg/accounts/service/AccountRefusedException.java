package nl.waarborg.accounts.service;

import java.net.URI;
import nl.waarborg.input.ApiException;
import org.springframework.http.HttpStatus;

/** An account action the caller may not take (403): not an administrator, a disabled account, a wrong password. */
public class AccountRefusedException extends ApiException {

    public static final URI TYPE = URI.create("urn:waarborg:problem:account-refused");

    AccountRefusedException(String reason, String detail) {
        super(HttpStatus.FORBIDDEN, TYPE, "Account action refused", detail);
        getBody().setProperty("reason", reason);
    }

    public String reason() {
        return (String) getBody().getProperties().get("reason");
    }
}
