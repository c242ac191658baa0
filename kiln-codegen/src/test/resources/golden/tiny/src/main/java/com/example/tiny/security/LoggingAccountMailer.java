package com.example.tiny.security;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link AccountMailer}: writes each email to the log instead of sending it. The
 * verification link in the log lets whoever reads the log verify the address, so replace this
 * bean before production use.
 */
public class LoggingAccountMailer implements AccountMailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingAccountMailer.class);

    @Override
    public void sendVerification(String email, URI link) {
        log.info("Email to {}: confirm your address by opening {}", email, link);
    }

    @Override
    public void sendAlreadyRegistered(String email) {
        log.info("Email to {}: someone tried to register this address again; if it was you, log in instead", email);
    }
}
