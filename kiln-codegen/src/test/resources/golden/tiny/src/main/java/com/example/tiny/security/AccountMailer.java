package com.example.tiny.security;

import java.net.URI;

/**
 * Sends the emails of self-registration. The default, {@link LoggingAccountMailer}, only logs;
 * give the application a bean of this type that sends real mail (e.g. with spring-boot-starter-mail)
 * before users register in production.
 */
public interface AccountMailer {

    /** Asks the owner of {@code email} to confirm it by opening {@code link}. */
    void sendVerification(String email, URI link);

    /** Tells the owner of {@code email} that someone tried to register it again. */
    void sendAlreadyRegistered(String email);
}
