/**
 * What API callers may send and how bad input is refused: the limits on bodies and stored values
 * ({@link nl.waarborg.input.InputLimits}) and the 4xx exceptions every capability that answers HTTP callers
 * throws. Each 4xx is a deliberate subclass of Spring's {@link org.springframework.web.ErrorResponseException}
 * carrying its status and problem detail (RFC 9457), rendered in one place ({@code web.ApiErrors}). This lives
 * outside {@code web} because the capabilities may not depend on the web shell (ArchitectureTest); the
 * plain-Java cores do not use it: their exceptions are mapped in {@code web.ApiErrors}.
 */
package nl.waarborg.input;
