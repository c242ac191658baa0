package com.example.tiny.security;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads accounts for the login form and enforces lock-out: after {@code maxFailures} wrong
 * passwords in a row an account is locked for {@code lockFor}, and while locked even the right
 * password is refused. Unverified and disabled accounts cannot log in.
 *
 * <p>Returns Spring Security's own {@link User}, which the JDBC authorization service can store
 * with an authorization and read back.
 */
public class AccountDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountDetailsService.class);

    private final Accounts accounts;
    private final int maxFailures;
    private final Duration lockFor;
    private final Clock clock;

    public AccountDetailsService(Accounts accounts, int maxFailures, Duration lockFor, Clock clock) {
        this.accounts = accounts;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Accounts.Account account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .roles(account.role())
                .disabled(!account.enabled() || !account.verified())
                .accountLocked(account.locked(clock.instant()))
                .build();
    }

    /** Counts a wrong password of a known account. */
    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getPrincipal() instanceof String username) {
            accounts.find(username).ifPresent(account -> {
                if (accounts.recordFailure(account.id(), maxFailures, lockFor)) {
                    log.warn("Account {} locked for {} after {} failed logins", account.id(), lockFor, maxFailures);
                }
            });
        }
    }

    /** Resets the failure count after a successful password login. */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getPrincipal() instanceof UserDetails user) {
            accounts.find(user.getUsername()).ifPresent(account -> accounts.recordSuccess(account.id()));
        }
    }
}
