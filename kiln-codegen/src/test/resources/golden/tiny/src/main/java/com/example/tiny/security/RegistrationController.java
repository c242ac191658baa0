package com.example.tiny.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Self-registration: {@code POST /auth/register} creates an unverified account and emails a
 * verification link; {@code GET /auth/verify-email?token=...} confirms it. Registering an address
 * that already has an account answers the same 202 (so the endpoint does not reveal who has an
 * account) and emails the owner instead.
 */
@RestController
@RequestMapping(path = "/auth", produces = MediaType.APPLICATION_JSON_VALUE)
public class RegistrationController {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL = 254;

    private final Accounts accounts;
    private final EmailVerifications verifications;
    private final PasswordEncoder passwords;
    private final AccountMailer mailer;

    public RegistrationController(Accounts accounts, EmailVerifications verifications, PasswordEncoder passwords,
            AccountMailer mailer) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.passwords = passwords;
        this.mailer = mailer;
    }

    /** A registration request. */
    public record Registration(String email, String password) {
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Object> register(@RequestBody Registration registration, HttpServletRequest request) {
        String email = registration.email() == null ? "" : Accounts.normalize(registration.email());
        String password = registration.password() == null ? "" : registration.password();
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            return invalid("email", List.of("must be a well-formed email address"));
        }
        List<String> problems = PasswordPolicy.violations(password, email);
        if (!problems.isEmpty()) {
            return invalid("password", problems);
        }
        // Hash before looking the address up, so both answers take the same time.
        String hash = passwords.encode(password);
        if (accounts.find(email).isPresent()) {
            mailer.sendAlreadyRegistered(email);
        }
        else {
            try {
                long id = accounts.create(email, hash);
                String token = verifications.issue(id);
                URI link = ServletUriComponentsBuilder.fromContextPath(request)
                        .path("/auth/verify-email").queryParam("token", token).build().toUri();
                mailer.sendVerification(email, link);
            }
            catch (DuplicateKeyException ex) {
                mailer.sendAlreadyRegistered(email);
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status",
                "If the address can be registered, a verification link was sent to it"));
    }

    @GetMapping("/verify-email")
    public ResponseEntity<Object> verify(@RequestParam String token) {
        return verifications.consume(token).<ResponseEntity<Object>>map(id -> {
            accounts.markVerified(id);
            return ResponseEntity.ok(Map.of("status", "verified"));
        }).orElseGet(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The verification link is invalid, used or expired");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        });
    }

    private static ResponseEntity<Object> invalid(String field, List<String> messages) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Validation failed");
        problem.setProperty("errors", messages.stream().map(m -> Map.of("field", field, "message", m)).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
